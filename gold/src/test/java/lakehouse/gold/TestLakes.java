package lakehouse.gold;

import lakehouse.shared.config.GoldSettings;

/** Settings of the gold layer in tests. */
public final class TestLakes {
  private TestLakes() {}

  public static GoldSettings settings() {
    return new GoldSettings("v1", "v1", 1000);
  }

  public static GoldSettings settings(long maxRowsPerFile) {
    return new GoldSettings("v1", "v1", maxRowsPerFile);
  }
}
