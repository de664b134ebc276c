package lakehouse.generate;

import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The fixed cast of a generation: users and ads with Zipf-skewed popularity, campaigns that own a
 * fixed set of ads, one hot user and one hot ad, and each user's stable traits (country, device,
 * home IP address, advertising id, app version), derived from the user's index so that nothing per
 * user has to be held in memory (a small cache keeps the busiest users' formatted traits). Users
 * recur across days, as they do in real traffic.
 */
final class Population {
  static final int ADS = 2000;
  static final int CAMPAIGNS = 50;

  /** Average events of a user on a day. */
  static final int EVENTS_PER_USER = 20;

  private static final int MIN_USERS = 50;
  private static final int MAX_USERS = 9_999_999;

  /** Zipf exponents 0.9 for users and 0.8 for ads (see ZipfDistribution for the powers). */
  private static final int USER_SKEW_POWER = 10;

  private static final int AD_SKEW_POWER = 5;

  /** Direct-mapped: with Zipf-skewed users most lookups hit, and memory stays bounded. */
  private static final int PROFILE_CACHE_SLOTS = 1 << 16;

  /** Roughly the traffic of a global ad platform; 3% of users send no country. */
  private static final WeightedChoice COUNTRIES =
      new WeightedChoice(
          "US", 280, "IN", 90, "BR", 70, "GB", 60, "DE", 55, "FR", 50, "JP", 40, "CA", 35, "MX", 35,
          "ID", 30, "ES", 30, "IT", 30, "KR", 25, "NL", 20, "PL", 20, "TR", 20, "AU", 20, "SE", 15,
          "NG", 15, "ZA", 10, "AR", 10, "PH", 10, null, 30);

  private static final WeightedChoice DEVICES =
      new WeightedChoice("android", 450, "ios", 350, "web", 150, "ctv", 50);
  private static final WeightedChoice APP_VERSIONS =
      new WeightedChoice("8.3.0", 400, "8.2.1", 300, "8.1.4", 150, "7.9.0", 100, "7.4.2", 50);

  private final ZipfDistribution userPopularity;
  private final ZipfDistribution adPopularity;
  private final int hotUser;
  private final int hotAd;
  private final long traitSalt;
  private final String[] adIds = new String[ADS];
  private final String[] campaignOfAd = new String[ADS];

  /**
   * Shared by the threads writing files: a slot holds one immutable profile, read and replaced as
   * one reference, so a thread sees either a complete profile (checked by its user) or another one.
   */
  private final UserProfile[] profileCache = new UserProfile[PROFILE_CACHE_SLOTS];

  /** A user's stable traits, formatted once: events copy these strings rather than rebuild them. */
  record UserProfile(
      int user,
      String userId,
      String country,
      String device,
      String homeIp,
      String deviceId,
      String appVersion) {}

  Population(long eventsPerDay, long seed) {
    int users = (int) Math.min(MAX_USERS, Math.max(MIN_USERS, eventsPerDay / EVENTS_PER_USER));
    userPopularity = new ZipfDistribution(users, USER_SKEW_POWER);
    adPopularity = new ZipfDistribution(ADS, AD_SKEW_POWER);
    hotUser = (int) Math.floorMod(Seeds.derive(seed, Seeds.HOT_KEYS, 1), (long) users);
    hotAd = (int) Math.floorMod(Seeds.derive(seed, Seeds.HOT_KEYS, 2), (long) ADS);
    traitSalt = Seeds.derive(seed, Seeds.USER_TRAITS);
    String[] campaigns = new String[CAMPAIGNS];
    for (int c = 0; c < CAMPAIGNS; c++) {
      campaigns[c] = padded("cmp-", c, 3);
    }
    for (int ad = 0; ad < ADS; ad++) {
      adIds[ad] = padded("ad-", ad, 5);
      // By the ad's id alone, not the seed: an ad belongs to the same campaign in every generation.
      campaignOfAd[ad] = campaigns[(int) Math.floorMod(Seeds.mix(ad + 1L), (long) CAMPAIGNS)];
    }
  }

  int drawUser(SplittableRandom random, double hotShare) {
    return random.nextDouble() < hotShare ? hotUser : userPopularity.sample(random);
  }

  int drawAd(SplittableRandom random, double hotShare) {
    return random.nextDouble() < hotShare ? hotAd : adPopularity.sample(random);
  }

  /** The user's profile; deterministic whatever the cache holds. */
  UserProfile profile(int user) {
    int slot = user & (PROFILE_CACHE_SLOTS - 1);
    UserProfile cached = profileCache[slot];
    if (cached != null && cached.user() == user) {
      return cached;
    }
    long traits = traits(user);
    UserProfile profile =
        new UserProfile(
            user,
            userId(user),
            country(traits),
            device(traits),
            homeIp(traits),
            deviceId(traits),
            appVersion(traits));
    profileCache[slot] = profile;
    return profile;
  }

  String userId(int user) {
    return padded("u", user, 7);
  }

  String adId(int ad) {
    return adIds[ad];
  }

  String campaignOf(int ad) {
    return campaignOfAd[ad];
  }

  String hotUserId() {
    return userId(hotUser);
  }

  String hotAdId() {
    return adId(hotAd);
  }

  /** 64 random-looking bits fixed for the user: the source of every trait below. */
  private long traits(int user) {
    return Seeds.mix(traitSalt ^ (user * 0x9E3779B97F4A7C15L));
  }

  private static String country(long traits) {
    return COUNTRIES.forBits(traits);
  }

  private static String device(long traits) {
    return DEVICES.forBits(traits >>> 16);
  }

  private static String homeIp(long traits) {
    return ipv4(traits >>> 32);
  }

  /**
   * The device's advertising id: upper-case on iOS (IDFA), lower-case elsewhere; none on the web.
   */
  private static String deviceId(long traits) {
    String device = device(traits);
    if (device.equals("web")) {
      return null;
    }
    String id = uuid(Seeds.mix(traits ^ 0x5DEECE66DL), Seeds.mix(traits ^ 0xB5297A4DL));
    return device.equals("ios") ? id.toUpperCase(java.util.Locale.ROOT) : id;
  }

  private static String appVersion(long traits) {
    return device(traits).equals("web") ? null : APP_VERSIONS.forBits(Seeds.mix(traits));
  }

  /**
   * A public-looking IPv4 address from 32 bits (first octet 11..223, never 127, last never 0 or
   * 255).
   */
  static String ipv4(long bits) {
    int first = 11 + (int) ((bits & 0xFF) % 213);
    if (first == 127) {
      first = 128;
    }
    int second = (int) ((bits >>> 8) & 0xFF);
    int third = (int) ((bits >>> 16) & 0xFF);
    int fourth = 1 + (int) (((bits >>> 24) & 0xFF) % 254);
    return first + "." + second + "." + third + "." + fourth;
  }

  /** A version 4 UUID string from two random longs. */
  static String uuid(long high, long low) {
    long versioned = (high & 0xFFFFFFFFFFFF0FFFL) | 0x0000000000004000L;
    long variant = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(versioned, variant).toString();
  }

  static String padded(String prefix, int value, int width) {
    String digits = Integer.toString(value);
    StringBuilder id =
        new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
    for (int i = digits.length(); i < width; i++) {
      id.append('0');
    }
    return id.append(digits).toString();
  }
}
