package lakehouse.shared.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackfillFingerprintTest {
  private static final String LAYERS = "[BRONZE, SILVER, GOLD]";
  private static final List<String> INPUTS =
      List.of("landing/ad_events/ingest_date=2026-11-23/a.avro@1");

  @Test
  void operationalSettingsDoNotChangeTheFingerprint() {
    String before = fingerprint(defaults());
    for (String operational :
        List.of(
            "lakehouse.profile = prod",
            "lakehouse.backfill.gold-rebuild-batch-days = 3",
            "lakehouse.staging.retention = 48h",
            "lakehouse.cleanup.vacuum-retention = 200h",
            "lakehouse.online.redis.host = redis.internal",
            "lakehouse.writer-lease.ttl = 5m",
            "lakehouse.spark.\"spark.sql.shuffle.partitions\" = 400")) {
      assertThat(fingerprint(with(operational))).as(operational).isEqualTo(before);
    }
  }

  @Test
  void settingsThatDecideTableContentsChangeTheFingerprint() {
    String before = fingerprint(defaults());
    for (String content :
        List.of(
            "lakehouse.root = /elsewhere",
            "lakehouse.pii.key-env = OTHER_KEY",
            "lakehouse.silver.allowed-lateness-days = 5",
            "lakehouse.gold.user-features-version = v2")) {
      assertThat(fingerprint(with(content))).as(content).isNotEqualTo(before);
    }
  }

  @Test
  void theLayersAndTheInputsChangeTheFingerprint() {
    BackfillFingerprint fingerprints = new BackfillFingerprint(defaults(), LAYERS);
    assertThat(new BackfillFingerprint(defaults(), LAYERS).of(INPUTS))
        .isEqualTo(fingerprints.of(INPUTS));
    assertThat(new BackfillFingerprint(defaults(), "[GOLD]").of(INPUTS))
        .isNotEqualTo(fingerprints.of(INPUTS));
    assertThat(fingerprints.of(List.of("silver@4 groups@2"))).isNotEqualTo(fingerprints.of(INPUTS));
  }

  private static String fingerprint(Config effective) {
    return new BackfillFingerprint(effective, LAYERS).of(INPUTS);
  }

  private static Config defaults() {
    return ConfigFactory.parseResources("lakehouse/application.conf").resolve();
  }

  private static Config with(String setting) {
    return ConfigFactory.parseString(setting).withFallback(defaults()).resolve();
  }
}
