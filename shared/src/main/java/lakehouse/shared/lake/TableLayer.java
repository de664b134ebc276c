package lakehouse.shared.lake;

import java.util.Locale;

/**
 * The layer a table belongs to. {@code LEDGER} tables are the lake's own records of what it did
 * (the files silver processed, gold's lineage): they sit beside a layer's tables but hold no data
 * to read.
 */
public enum TableLayer {
  BRONZE,
  SILVER,
  GOLD,
  LEDGER;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
