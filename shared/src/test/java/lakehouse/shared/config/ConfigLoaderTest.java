package lakehouse.shared.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private final ConfigLoader loader = new ConfigLoader();

  @TempDir Path dir;

  @Test
  void defaultsGiveTheContractsRules() {
    LakehouseConfig config = loader.load(null, Map.of());
    assertEquals(2, config.silver().allowedLatenessDays());
    assertEquals(Duration.ofHours(1), config.silver().clockSkewTolerance());
    assertEquals("v1", config.gold().userFeaturesVersion());
    assertEquals(Duration.ofDays(8), config.online().ttl());
    assertTrue(config.lake().root().endsWith("/lake"));
    assertFalse(config.pii().allowsDevelopmentKey());
  }

  @Test
  void aFileOverridesDefaultsAndOptionsOverrideTheFile() throws IOException {
    Path file = write("lakehouse { root = \"/data/lake\", silver.allowed-lateness-days = 3 }");
    LakehouseConfig config = loader.load(file,
        ConfigLoader.overrides("/other/lake", List.of("silver.clock-skew-tolerance=30m")));
    assertEquals("/other/lake", config.lake().root());
    assertEquals(3, config.silver().allowedLatenessDays());
    assertEquals(Duration.ofMinutes(30), config.silver().clockSkewTolerance());
  }

  @Test
  void anUnknownKeyIsRefusedInOneLineNamingIt() throws IOException {
    Path file = write("lakehouse.silver.allowed-latenes-days = 3");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> loader.load(file, Map.of()));
    assertTrue(e.getMessage().contains("lakehouse.silver.allowed-latenes-days"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void aBadValueIsRefusedNamingTheKey() {
    ConfigurationException wrongType = assertThrows(ConfigurationException.class,
        () -> loader.load(null, ConfigLoader.overrides(null, List.of("silver.allowed-lateness-days=soon"))));
    assertTrue(wrongType.getMessage().contains("allowed-lateness-days"), wrongType.getMessage());

    ConfigurationException negative = assertThrows(ConfigurationException.class,
        () -> loader.load(null, ConfigLoader.overrides(null, List.of("silver.allowed-lateness-days=-1"))));
    assertTrue(negative.getMessage().contains("lakehouse.silver.allowed-lateness-days must be at least 0"),
        negative.getMessage());
  }

  @Test
  void aMissingOrBrokenFileIsNamed() throws IOException {
    ConfigurationException missing = assertThrows(ConfigurationException.class,
        () -> loader.load(dir.resolve("nope.conf"), Map.of()));
    assertTrue(missing.getMessage().startsWith("--conf " + dir.resolve("nope.conf")));

    Path broken = write("lakehouse { root = ");
    ConfigurationException syntax = assertThrows(ConfigurationException.class, () -> loader.load(broken, Map.of()));
    assertTrue(syntax.getMessage().startsWith("--conf " + broken), syntax.getMessage());
  }

  @Test
  void sparkSettingsAreFreeFormAndSecretsAreMaskedInReports() throws IOException {
    Path file = write("lakehouse { pii.development-key = \"hunter2\"\n"
        + " spark { \"spark.hadoop.fs.s3a.secret.key\" = \"AKIA-SECRET\", \"spark.sql.shuffle.partitions\" = 3 } }");
    LakehouseConfig config = loader.load(file, Map.of());
    assertEquals("3", config.sparkSettings().get("spark.sql.shuffle.partitions"));
    String json = ConfigLoader.maskedJson(config.effective());
    assertFalse(json.contains("hunter2"), json);
    assertFalse(json.contains("AKIA-SECRET"), json);
    assertTrue(json.contains("LAKEHOUSE_PII_KEY"), json);
  }

  @Test
  void aLakeOnS3UsesDeltasS3LogStoreAndTakesAWriterLeaseByDefault() {
    LakehouseConfig config = loader.load(null, ConfigLoader.overrides("s3a://bucket/lake", List.of()));
    assertEquals("s3a://bucket/lake", config.lake().root());
    assertEquals("io.delta.storage.S3SingleDriverLogStore", config.sparkSettings().get("spark.delta.logStore.s3a.impl"));
    assertTrue(config.writerLease().enabled());
    assertEquals(Duration.ofMinutes(2), config.writerLease().ttl());
  }

  @Test
  void aWriterLeaseThatCouldNotSettleWithinItsTtlIsRefused() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> loader.load(null,
        ConfigLoader.overrides(null, List.of("writer-lease.ttl=20s", "writer-lease.settle=10s"))));
    assertTrue(e.getMessage().contains("lakehouse.writer-lease.settle"), e.getMessage());
  }

  @Test
  void whereCredentialsComeFromIsShownButTheCredentialsAreNot() throws IOException {
    Path file = write("lakehouse.spark {\n"
        + " \"spark.hadoop.fs.s3a.aws.credentials.provider\" = \"com.amazonaws.auth.EnvironmentVariableCredentialsProvider\"\n"
        + " \"spark.hadoop.fs.s3a.access.key\" = \"AKIA-ID\" }");
    String json = ConfigLoader.maskedJson(loader.load(file, Map.of()).effective());
    assertTrue(json.contains("EnvironmentVariableCredentialsProvider"), json);
    assertFalse(json.contains("AKIA-ID"), json);
  }

  @Test
  void theOnlineStoreNamesItsPasswordVariableInReportsAndRefusesATtlThatWouldDeleteEveryHash() {
    LakehouseConfig config = loader.load(null, ConfigLoader.overrides(null, List.of("online.redis.port=6380")));
    assertEquals("127.0.0.1:6380", config.online().redisAddress());
    assertEquals("LAKEHOUSE_REDIS_PASSWORD", config.online().passwordEnvironmentVariable());
    assertEquals(Duration.ofSeconds(2), config.online().connectTimeout());
    assertTrue(ConfigLoader.maskedJson(config.effective()).contains("LAKEHOUSE_REDIS_PASSWORD"));

    ConfigurationException zero = assertThrows(ConfigurationException.class,
        () -> loader.load(null, ConfigLoader.overrides(null, List.of("online.redis.ttl=0s"))));
    assertTrue(zero.getMessage().contains("lakehouse.online.redis.ttl must be at least 1s"), zero.getMessage());
  }

  private Path write(String hocon) throws IOException {
    Path file = Files.createTempFile(dir, "test", ".conf");
    Files.writeString(file, hocon);
    return file;
  }
}
