package lakehouse.shared.lake;

import java.util.OptionalInt;
import lakehouse.shared.config.RetentionSettings;

/**
 * Which retention setting, if any, lets {@code cleanup} delete a table's old partitions. Only the
 * tables that hold personal data as it came (bronze, and the quarantine which keeps bronze records)
 * have one: every other table is rebuilt from them.
 */
public enum TableRetention {
  NONE,
  BRONZE,
  QUARANTINE;

  /** Days a partition is kept (0 = forever) under the settings; empty when no retention applies. */
  public OptionalInt days(RetentionSettings settings) {
    return switch (this) {
      case NONE -> OptionalInt.empty();
      case BRONZE -> OptionalInt.of(settings.bronzeRetentionDays());
      case QUARANTINE -> OptionalInt.of(settings.quarantineRetentionDays());
    };
  }
}
