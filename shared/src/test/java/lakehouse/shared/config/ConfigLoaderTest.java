package lakehouse.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private final ConfigLoader loader = new ConfigLoader();

  @TempDir Path dir;

  @Test
  void defaultsGiveTheContractsRules() {
    LakehouseConfig config = loader.load(null, Map.of());
    assertThat(config.silver().allowedLatenessDays()).isEqualTo(2);
    assertThat(config.silver().clockSkewTolerance()).isEqualTo(Duration.ofHours(1));
    assertThat(config.gold().userFeaturesVersion()).isEqualTo("v1");
    assertThat(config.online().ttl()).isEqualTo(Duration.ofDays(8));
    assertThat(config.lake().root()).endsWith("/lake");
    assertThat(config.pii().allowsDevelopmentKey()).isFalse();
  }

  @Test
  void aFileOverridesDefaultsAndOptionsOverrideTheFile() throws IOException {
    Path file = write("lakehouse { root = \"/data/lake\", silver.allowed-lateness-days = 3 }");
    LakehouseConfig config =
        loader.load(
            file,
            ConfigLoader.overrides("/other/lake", List.of("silver.clock-skew-tolerance=30m")));
    assertThat(config.lake().root()).isEqualTo("/other/lake");
    assertThat(config.silver().allowedLatenessDays()).isEqualTo(3);
    assertThat(config.silver().clockSkewTolerance()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void anUnknownKeyIsRefusedInOneLineNamingIt() throws IOException {
    Path file = write("lakehouse.silver.allowed-latenes-days = 3");
    assertThatThrownBy(() -> loader.load(file, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("lakehouse.silver.allowed-latenes-days")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aBadValueIsRefusedNamingTheKey() {
    assertThatThrownBy(
            () ->
                loader.load(
                    null,
                    ConfigLoader.overrides(null, List.of("silver.allowed-lateness-days=soon"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("allowed-lateness-days");

    assertThatThrownBy(
            () ->
                loader.load(
                    null, ConfigLoader.overrides(null, List.of("silver.allowed-lateness-days=-1"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("lakehouse.silver.allowed-lateness-days must be at least 0");
  }

  @Test
  void theLatenessRecommendationKeepsAShareOfTheLastNights() {
    LakehouseConfig defaults = loader.load(null, ConfigLoader.overrides(null, List.of()));
    assertThat(defaults.metrics().latenessRecommendation())
        .isEqualTo(new LatenessRecommendationSettings(30, 0.999));

    assertThatThrownBy(
            () ->
                loader.load(
                    null,
                    ConfigLoader.overrides(
                        null, List.of("metrics.lateness-recommendation.keep-share=1.5"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(
            "lakehouse.metrics.lateness-recommendation.keep-share must be above 0 and at most 1");
    assertThatThrownBy(
            () ->
                loader.load(
                    null,
                    ConfigLoader.overrides(
                        null, List.of("metrics.lateness-recommendation.nights=0"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(
            "lakehouse.metrics.lateness-recommendation.nights must be at least 1");
  }

  @Test
  void aMissingOrBrokenFileIsNamed() throws IOException {
    assertThatThrownBy(() -> loader.load(dir.resolve("nope.conf"), Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("--conf " + dir.resolve("nope.conf"));

    Path broken = write("lakehouse { root = ");
    assertThatThrownBy(() -> loader.load(broken, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("--conf " + broken);
  }

  @Test
  void sparkSettingsAreFreeFormAndSecretsAreMaskedInReports() throws IOException {
    Path file =
        write(
            "lakehouse { pii.development-key = \"hunter2\"\n"
                + " spark { \"spark.hadoop.fs.s3a.secret.key\" = \"AKIA-SECRET\", \"spark.sql.shuffle.partitions\" = 3 } }");
    LakehouseConfig config = loader.load(file, Map.of());
    assertThat(config.sparkSettings()).containsEntry("spark.sql.shuffle.partitions", "3");
    String json = ConfigLoader.maskedJson(config.effective());
    assertThat(json).doesNotContain("hunter2");
    assertThat(json).doesNotContain("AKIA-SECRET");
    assertThat(json).contains("LAKEHOUSE_PII_KEY");
  }

  @Test
  @DisplayName("a lake on S3 uses Delta's S3 log store and takes a writer lease by default")
  void aLakeOnS3UsesTheS3LogStoreAndAWriterLease() {
    LakehouseConfig config =
        loader.load(null, ConfigLoader.overrides("s3a://bucket/lake", List.of()));
    assertThat(config.lake().root()).isEqualTo("s3a://bucket/lake");
    assertThat(config.sparkSettings())
        .containsEntry("spark.delta.logStore.s3a.impl", "io.delta.storage.S3SingleDriverLogStore");
    assertThat(config.writerLease().enabled()).isTrue();
    assertThat(config.writerLease().ttl()).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  @DisplayName("Parquet keeps dictionaries of up to 8 MB a column, whatever the lake")
  void parquetDictionariesOfUpTo8MbByDefault() {
    LakehouseConfig config = loader.load(null, Map.of());
    assertThat(config.sparkSettings())
        .containsEntry("spark.hadoop.parquet.dictionary.page.size", "8388608");
  }

  @Test
  @DisplayName("Spark's cache holds silver's rows uncompressed, whatever the lake")
  void theCacheIsNotCompressedByDefault() {
    LakehouseConfig config = loader.load(null, Map.of());
    assertThat(config.sparkSettings())
        .containsEntry("spark.sql.inMemoryColumnarStorage.compressed", "false");
  }

  @Test
  void aWriterLeaseThatCouldNotSettleWithinItsTtlIsRefused() {
    assertThatThrownBy(
            () ->
                loader.load(
                    null,
                    ConfigLoader.overrides(
                        null, List.of("writer-lease.ttl=20s", "writer-lease.settle=10s"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("lakehouse.writer-lease.settle");
  }

  @Test
  void whereCredentialsComeFromIsShownButTheCredentialsAreNot() throws IOException {
    Path file =
        write(
            "lakehouse.spark {\n"
                + " \"spark.hadoop.fs.s3a.aws.credentials.provider\" = \"com.amazonaws.auth.EnvironmentVariableCredentialsProvider\"\n"
                + " \"spark.hadoop.fs.s3a.access.key\" = \"AKIA-ID\" }");
    String json = ConfigLoader.maskedJson(loader.load(file, Map.of()).effective());
    assertThat(json).contains("EnvironmentVariableCredentialsProvider");
    assertThat(json).doesNotContain("AKIA-ID");
  }

  @Test
  @DisplayName(
      "the online store names its password variable in reports and refuses a TTL that would delete every hash")
  void onlineStoreNamesItsPasswordVariableAndRefusesZeroTtl() {
    LakehouseConfig config =
        loader.load(null, ConfigLoader.overrides(null, List.of("online.redis.port=6380")));
    assertThat(config.online().redisAddress()).isEqualTo("127.0.0.1:6380");
    assertThat(config.online().passwordEnvironmentVariable()).isEqualTo("LAKEHOUSE_REDIS_PASSWORD");
    assertThat(config.online().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(ConfigLoader.maskedJson(config.effective())).contains("LAKEHOUSE_REDIS_PASSWORD");

    assertThatThrownBy(
            () -> loader.load(null, ConfigLoader.overrides(null, List.of("online.redis.ttl=0s"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("lakehouse.online.redis.ttl must be at least 1s");
  }

  private Path write(String hocon) throws IOException {
    Path file = Files.createTempFile(dir, "test", ".conf");
    Files.writeString(file, hocon);
    return file;
  }
}
