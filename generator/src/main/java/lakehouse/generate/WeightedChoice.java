package lakehouse.generate;

/** A fixed table of values with integer weights, picked by random bits. A null value is allowed. */
final class WeightedChoice {
  private final String[] values;
  private final int[] cumulative;

  /** Pairs of value and weight: {@code "US", 280, "IN", 90, ...}. */
  WeightedChoice(Object... valueWeightPairs) {
    values = new String[valueWeightPairs.length / 2];
    cumulative = new int[values.length];
    int total = 0;
    for (int i = 0; i < values.length; i++) {
      values[i] = (String) valueWeightPairs[2 * i];
      total += (Integer) valueWeightPairs[2 * i + 1];
      cumulative[i] = total;
    }
  }

  /** The value for 16 random bits, spread evenly over the total weight. */
  String forBits(long bits) {
    int slot = (int) (((bits & 0xFFFF) * cumulative[cumulative.length - 1]) >>> 16);
    for (int i = 0; i < cumulative.length; i++) {
      if (slot < cumulative[i]) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }
}
