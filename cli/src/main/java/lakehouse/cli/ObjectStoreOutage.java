package lakehouse.cli;

import java.util.Optional;

/**
 * Tells an object store that stopped answering (an s3a lake whose server is down, restarting or
 * unreachable) from a bug, and says it in one line: what the lake was doing and why the store did
 * not answer, without Hadoop's and the AWS SDK's class names repeated around it. The run already
 * failed cleanly (exit 1; what was promoted before stays); the user's action is to run again once
 * the store answers, not to read a stack trace.
 */
final class ObjectStoreOutage {
  private ObjectStoreOutage() {}

  /** The one line for a failure caused by the lake's object store not answering, if it is one. */
  static Optional<String> describe(Throwable failure) {
    Throwable store = null;
    boolean throughS3 = false;
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      String name = cause.getClass().getName();
      if (store == null && name.startsWith("org.apache.hadoop.fs.s3a.")) {
        store = cause;
      }
      // Only a network failure met by the S3 client counts: any other is not the lake's store.
      throughS3 |=
          name.startsWith("org.apache.hadoop.fs.s3a.") || name.startsWith("com.amazonaws.");
      if (!throughS3) {
        continue;
      }
      if (name.startsWith("com.amazonaws.SdkClientException")
          || cause instanceof java.net.ConnectException
          || cause instanceof java.net.SocketTimeoutException
          || cause instanceof java.net.UnknownHostException
          || cause instanceof java.net.NoRouteToHostException) {
        return Optional.of(
            "the lake's object store did not answer"
                + operation(store == null ? failure : store)
                + ": "
                + reason(cause)
                + "; run again once it answers");
      }
    }
    return Optional.empty();
  }

  /** " (getFileStatus on s3a://bucket/key)": S3A's own words for the request, before its cause. */
  private static String operation(Throwable store) {
    String message = store.getMessage();
    if (message == null || !message.contains(" on s3a://")) {
      return "";
    }
    int end = message.indexOf(": ");
    return " (" + (end < 0 ? message : message.substring(0, end)).replace('\n', ' ') + ")";
  }

  /**
   * The most telling message below: the innermost one, or the one around it that contains it with
   * the address ("Connect to 127.0.0.1:9000 failed: Connection refused").
   */
  private static String reason(Throwable failure) {
    String best = null;
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      String message = cause.getMessage();
      if (message == null) {
        continue;
      }
      message = message.replace('\n', ' ');
      if (cause.getClass().getName().startsWith("com.amazonaws.")) {
        // "Unable to execute HTTP request: <its cause>": the cause says it shorter.
        int colon = message.indexOf(": ");
        message = colon < 0 ? message : message.substring(colon + 2);
      }
      best = message;
      Throwable inner = next(cause);
      if (inner != null && inner.getMessage() != null && message.contains(inner.getMessage())) {
        return message;
      }
    }
    return best == null ? failure.getClass().getSimpleName() : best;
  }

  private static Throwable next(Throwable cause) {
    return cause.getCause() == cause ? null : cause.getCause();
  }
}
