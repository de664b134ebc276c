package lakehouse.shared.config;

import java.io.Serializable;

/** Feature versions the gold layer builds and the bound on rows per output file. */
public record GoldSettings(
    String userFeaturesVersion, String campaignDailyVersion, long maxRowsPerFile)
    implements Serializable {}
