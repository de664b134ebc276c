package lakehouse.shared.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lake.LakeStorage;

/**
 * Builds the {@link LakehouseConfig} from the defaults shipped in the jar (conf/application.conf),
 * an optional file given with --conf, and overrides (--lake, --set key=value), in increasing
 * precedence. Every problem is reported as one {@link ConfigurationException} line naming the key
 * or file.
 */
public final class ConfigLoader {
  /** Classpath location of conf/application.conf inside the jar. */
  public static final String DEFAULTS_RESOURCE = "lakehouse/application.conf";

  private static final String ROOT = "lakehouse";
  private static final String SPARK_SETTINGS = ROOT + ".spark";
  private static final Pattern SECRET_KEY =
      Pattern.compile("(?i).*(key|secret|password|credential|token).*");

  /**
   * Names of where a secret comes from (an environment variable such as pii.key-env or
   * online.redis.password-env, a provider class), which an operator needs to see.
   */
  private static final Pattern NOT_SECRET =
      Pattern.compile("(?i).*(-env|credentials\\.provider\"?)$");

  private final Config defaults;

  public ConfigLoader() {
    this(
        ConfigFactory.parseResources(
            ConfigLoader.class.getClassLoader(),
            DEFAULTS_RESOURCE,
            ConfigParseOptions.defaults().setAllowMissing(false)));
  }

  ConfigLoader(Config defaults) {
    this.defaults = defaults;
  }

  /**
   * Loads and validates the configuration: the defaults, then the file, then the overrides.
   *
   * @param file a HOCON file (--conf), or null
   * @param overrides key=value settings, applied last (--lake becomes lakehouse.root)
   */
  public LakehouseConfig load(Path file, Map<String, String> overrides) {
    Config user = ConfigFactory.empty();
    if (file != null) {
      File asFile = file.toFile();
      if (!asFile.isFile()) {
        throw new ConfigurationException("--conf " + file + ": no such file");
      }
      try {
        user =
            ConfigFactory.parseFile(asFile, ConfigParseOptions.defaults().setAllowMissing(false));
      } catch (ConfigException e) {
        throw new ConfigurationException("--conf " + file + ": " + oneLine(e));
      }
    }
    for (Map.Entry<String, String> override : overrides.entrySet()) {
      user =
          user.withValue(
              override.getKey(),
              ConfigValueFactory.fromAnyRef(override.getValue(), "override " + override.getKey()));
    }
    rejectUnknownKeys(user);
    Config effective;
    try {
      effective = user.withFallback(defaults).resolve();
    } catch (ConfigException e) {
      throw new ConfigurationException(oneLine(e));
    }
    try {
      return toTyped(effective);
    } catch (ConfigException e) {
      throw new ConfigurationException(oneLine(e));
    }
  }

  /**
   * The effective configuration as JSON with every secret-looking value masked, for run reports.
   */
  public static String maskedJson(Config effective) {
    Config masked = effective;
    for (Map.Entry<String, ConfigValue> entry : effective.entrySet()) {
      if (SECRET_KEY.matcher(entry.getKey()).matches()
          && !NOT_SECRET.matcher(entry.getKey()).matches()) {
        String value = entry.getValue().unwrapped().toString();
        masked =
            masked.withValue(
                entry.getKey(), ConfigValueFactory.fromAnyRef(value.isEmpty() ? "" : "***"));
      }
    }
    return masked.getConfig(ROOT).root().render(ConfigRenderOptions.concise());
  }

  private void rejectUnknownKeys(Config user) {
    for (Map.Entry<String, ConfigValue> entry : user.entrySet()) {
      String key = entry.getKey();
      if (!key.startsWith(ROOT + ".")) {
        continue; // other libraries' settings may share the file
      }
      if (key.startsWith(SPARK_SETTINGS + ".")) {
        continue; // free-form Spark settings, checked by Spark
      }
      if (!defaults.hasPathOrNull(key)) {
        throw new ConfigurationException(
            describe(entry.getValue()) + ": unknown setting '" + key + "'");
      }
    }
  }

  private static LakehouseConfig toTyped(Config c) {
    String root = nonBlank(c, "lakehouse.root");
    int lateness = c.getInt("lakehouse.silver.allowed-lateness-days");
    requireAtLeast(c, "lakehouse.silver.allowed-lateness-days", lateness, 0);
    Duration skew = c.getDuration("lakehouse.silver.clock-skew-tolerance");
    requireNotNegative(c, "lakehouse.silver.clock-skew-tolerance", skew);
    long maxRowsPerFile = c.getLong("lakehouse.gold.max-rows-per-file");
    requireAtLeast(c, "lakehouse.gold.max-rows-per-file", maxRowsPerFile, 1);
    int goldRebuildBatchDays = c.getInt("lakehouse.backfill.gold-rebuild-batch-days");
    requireAtLeast(c, "lakehouse.backfill.gold-rebuild-batch-days", goldRebuildBatchDays, 1);
    Duration vacuum = c.getDuration("lakehouse.cleanup.vacuum-retention");
    if (vacuum.compareTo(Duration.ofHours(24)) < 0) {
      throw invalid(
          c,
          "lakehouse.cleanup.vacuum-retention",
          "must be at least 24h so that running readers and concurrent runs keep their files");
    }
    int port = c.getInt("lakehouse.online.redis.port");
    if (port < 1 || port > 65535) {
      throw invalid(c, "lakehouse.online.redis.port", "must be a TCP port (1-65535), got " + port);
    }
    WriterLeaseSettings lease =
        new WriterLeaseSettings(
            c.getBoolean("lakehouse.writer-lease.enabled"),
            c.getDuration("lakehouse.writer-lease.ttl"),
            nonNegative(c, "lakehouse.writer-lease.wait"),
            c.getDuration("lakehouse.writer-lease.settle"));
    if (lease.ttl().compareTo(Duration.ofSeconds(10)) < 0) {
      throw invalid(c, "lakehouse.writer-lease.ttl", "must be at least 10s, got " + lease.ttl());
    }
    if (lease.settle().isNegative() || lease.settle().multipliedBy(4).compareTo(lease.ttl()) > 0) {
      throw invalid(
          c,
          "lakehouse.writer-lease.settle",
          "must be between 0 and a quarter of the ttl, got " + lease.settle());
    }
    Map<String, String> spark = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : c.getConfig(SPARK_SETTINGS).entrySet()) {
      spark.put(unquote(e.getKey()), String.valueOf(e.getValue().unwrapped()));
    }
    return new LakehouseConfig(
        new LakeLayout(absoluteIfLocal(root)),
        c.getString("lakehouse.profile"),
        new PiiSettings(
            nonBlank(c, "lakehouse.pii.key-env"), c.getString("lakehouse.pii.development-key")),
        new SilverSettings(lateness, skew),
        new GoldSettings(
            nonBlank(c, "lakehouse.gold.user-features-version"),
            nonBlank(c, "lakehouse.gold.campaign-daily-version"),
            maxRowsPerFile),
        new RetentionSettings(
            nonNegative(c, "lakehouse.staging.retention"),
            vacuum,
            atLeastZero(c, "lakehouse.cleanup.bronze-retention-days"),
            atLeastZero(c, "lakehouse.cleanup.quarantine-retention-days")),
        new OnlineStoreSettings(
            nonBlank(c, "lakehouse.online.redis.host"),
            port,
            // A ttl of 0 would make Redis delete every hash as it is written.
            atLeast(c, "lakehouse.online.redis.ttl", Duration.ofSeconds(1)),
            atLeast(c, "lakehouse.online.redis.connect-timeout", Duration.ofMillis(1)),
            atLeast(c, "lakehouse.online.redis.command-timeout", Duration.ofMillis(1)),
            nonBlank(c, "lakehouse.online.redis.password-env"),
            atLeastZero(c, "lakehouse.online.redis.max-writes-per-second"),
            atLeastOne(c, "lakehouse.online.verify.sample-size")),
        lease,
        new BackfillSettings(goldRebuildBatchDays),
        metrics(c),
        spark,
        c);
  }

  private static MetricsSettings metrics(Config c) {
    String pushgateway = c.getString("lakehouse.metrics.pushgateway").trim();
    String textfile = c.getString("lakehouse.metrics.textfile").trim();
    return new MetricsSettings(
        pushgateway.isEmpty() ? Optional.empty() : Optional.of(pushgateway),
        textfile.isEmpty() ? Optional.empty() : Optional.of(textfile),
        nonBlank(c, "lakehouse.metrics.job"),
        latenessRecommendation(c));
  }

  private static LatenessRecommendationSettings latenessRecommendation(Config c) {
    String nights = "lakehouse.metrics.lateness-recommendation.nights";
    String keepShare = "lakehouse.metrics.lateness-recommendation.keep-share";
    int n = c.getInt(nights);
    requireAtLeast(c, nights, n, 1);
    double share = c.getDouble(keepShare);
    // A share of 0 would recommend 0 days whatever arrived; above 1 no lateness keeps it.
    if (!(share > 0 && share <= 1)) {
      throw invalid(c, keepShare, "must be above 0 and at most 1, got " + share);
    }
    return new LatenessRecommendationSettings(n, share);
  }

  /** A local root becomes absolute, so that every JVM of a run (driver, executors) agrees on it. */
  static String absoluteIfLocal(String root) {
    // A file:// URI is absolute already; Spark and Hadoop take it as it is.
    if (LakeStorage.of(root) != LakeStorage.LOCAL || root.startsWith("file://")) {
      return root;
    }
    return LakeStorage.localPath(root).toAbsolutePath().normalize().toString();
  }

  private static String unquote(String key) {
    List<String> parts = com.typesafe.config.ConfigUtil.splitPath(key);
    return String.join(".", parts);
  }

  private static String nonBlank(Config c, String key) {
    String value = c.getString(key);
    if (value.isBlank()) {
      throw invalid(c, key, "must not be empty");
    }
    return value;
  }

  private static Duration nonNegative(Config c, String key) {
    Duration value = c.getDuration(key);
    requireNotNegative(c, key, value);
    return value;
  }

  private static Duration atLeast(Config c, String key, Duration minimum) {
    Duration value = c.getDuration(key);
    if (value.compareTo(minimum) < 0) {
      throw invalid(
          c,
          key,
          "must be at least "
              + minimum.toString().substring(2).toLowerCase(Locale.ROOT)
              + ", got "
              + value.toString().substring(2).toLowerCase(Locale.ROOT));
    }
    return value;
  }

  private static int atLeastZero(Config c, String key) {
    int value = c.getInt(key);
    requireAtLeast(c, key, value, 0);
    return value;
  }

  private static long atLeastOne(Config c, String key) {
    long value = c.getLong(key);
    requireAtLeast(c, key, value, 1);
    return value;
  }

  private static void requireNotNegative(Config c, String key, Duration value) {
    if (value.isNegative()) {
      throw invalid(c, key, "must not be negative, got " + value);
    }
  }

  private static void requireAtLeast(Config c, String key, long value, long minimum) {
    if (value < minimum) {
      throw invalid(c, key, "must be at least " + minimum + ", got " + value);
    }
  }

  private static ConfigurationException invalid(Config c, String key, String problem) {
    return new ConfigurationException(describe(c.getValue(key)) + ": " + key + " " + problem);
  }

  private static String describe(ConfigValue value) {
    String origin = value.origin().description();
    return origin == null ? "configuration" : origin;
  }

  private static String oneLine(ConfigException e) {
    return e.getMessage().replace('\n', ' ');
  }

  /** Overrides from --lake and --set KEY=VALUE, in the order given. */
  public static Map<String, String> overrides(String lake, List<String> settings) {
    Map<String, String> overrides = new LinkedHashMap<>();
    for (String setting : settings) {
      int eq = setting.indexOf('=');
      if (eq <= 0) {
        throw new ConfigurationException("--set " + setting + ": expected KEY=VALUE");
      }
      String key = setting.substring(0, eq).trim();
      overrides.put(key.startsWith(ROOT + ".") ? key : ROOT + "." + key, setting.substring(eq + 1));
    }
    if (lake != null) {
      if (lake.isBlank()) {
        throw new ConfigurationException("--lake: must not be empty");
      }
      overrides.put(ROOT + ".root", lake);
    }
    return overrides;
  }
}
