package lakehouse.shared.config;

import java.io.Serializable;
import java.time.Duration;

/**
 * Event-time rules of silver: how late an event may arrive and how far ahead a producer's clock may
 * run.
 */
public record SilverSettings(int allowedLatenessDays, Duration clockSkewTolerance)
    implements Serializable {}
