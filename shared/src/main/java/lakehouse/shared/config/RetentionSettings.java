package lakehouse.shared.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * How long what grows is kept: staging of dead runs, old Delta file versions, and (0 = forever)
 * bronze and quarantine partitions.
 */
public record RetentionSettings(
    Duration staging, Duration vacuum, int bronzeRetentionDays, int quarantineRetentionDays)
    implements Serializable {}
