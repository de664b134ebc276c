package lakehouse.online.publish;

/**
 * What one publish did. Every row read is one user's key, either written or kept because it holds a
 * later as_of_date: {@code rowsRead = keysWritten + keysKeptNewer}.
 */
public record PublishCounts(long rowsRead, long keysWritten, long keysKeptNewer) {}
