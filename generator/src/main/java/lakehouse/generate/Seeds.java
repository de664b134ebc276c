package lakehouse.generate;

/**
 * Derives independent, reproducible seeds from the user's seed and a position (purpose, day, file),
 * so that each file has its own random stream and no stream depends on how many numbers another one
 * drew.
 */
final class Seeds {
  static final long EVENTS = 1;
  static final long FILE_VERSIONS = 2;
  static final long SYNC_MARKER = 3;
  static final long CORRUPT_FILE = 4;
  static final long UNREGISTERED_FILE = 5;
  static final long HOT_KEYS = 6;
  static final long USER_TRAITS = 7;

  private Seeds() {}

  static long derive(long seed, long... coordinates) {
    long hash = mix(seed);
    for (long coordinate : coordinates) {
      hash = mix(hash ^ mix(coordinate + 0x9E3779B97F4A7C15L));
    }
    return hash;
  }

  /** The SplitMix64 finaliser: a bijection whose output bits all depend on every input bit. */
  static long mix(long value) {
    long z = value;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
