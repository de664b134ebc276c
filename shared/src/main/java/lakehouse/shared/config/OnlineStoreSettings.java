package lakehouse.shared.config;

import java.io.Serializable;
import java.time.Duration;

/** Where published features go and how long a user's features live there. */
public record OnlineStoreSettings(String redisHost, int redisPort, Duration ttl) implements Serializable {}
