package lakehouse.shared.config;

import com.typesafe.config.Config;
import java.util.Map;
import lakehouse.shared.lake.LakeLayout;

/**
 * The typed, validated configuration of one command. Built once by {@link ConfigLoader}; everything
 * else reads settings from here, never from raw key look-ups.
 *
 * @param effective the merged HOCON, kept only to be recorded (secrets masked) in the run report
 */
public record LakehouseConfig(
    LakeLayout lake,
    String profile,
    PiiSettings pii,
    SilverSettings silver,
    GoldSettings gold,
    RetentionSettings retention,
    OnlineStoreSettings online,
    WriterLeaseSettings writerLease,
    BackfillSettings backfill,
    MetricsSettings metrics,
    Map<String, String> sparkSettings,
    Config effective) {}
