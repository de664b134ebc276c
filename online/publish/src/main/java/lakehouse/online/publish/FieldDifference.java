package lakehouse.online.publish;

import java.io.Serializable;

/**
 * One way a user's hash in the online store differs from the user's row in gold. User ids are
 * tokens or opaque ids, never raw personal data, so a difference may be printed and reported.
 *
 * @param field the field that differs; null for a missing key
 * @param expected the value gold holds, in the store's text form; null when gold has none
 * @param actual the value the store holds; null when it has none
 */
public record FieldDifference(
    String userId, Kind kind, String field, String expected, String actual)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What differs. */
  public enum Kind {
    /** The store has no hash for the user (never written, deleted or expired). */
    MISSING_KEY,
    /** The field holds another value than gold's, or none where gold has one. */
    DIFFERENT_VALUE,
    /** The field is in the store but not in gold's row (a column no longer there, or null). */
    EXTRA_FIELD
  }

  static FieldDifference missingKey(String userId) {
    return new FieldDifference(userId, Kind.MISSING_KEY, null, null, null);
  }

  /** One line for the console: user, field, expected and actual. */
  public String describe() {
    return switch (kind) {
      case MISSING_KEY -> "user " + userId + ": no hash in the store";
      case DIFFERENT_VALUE ->
          "user "
              + userId
              + ": field "
              + field
              + " expected "
              + quoted(expected)
              + ", found "
              + quoted(actual);
      case EXTRA_FIELD ->
          "user " + userId + ": extra field " + field + " = " + quoted(actual) + " (not in gold)";
    };
  }

  private static String quoted(String value) {
    return value == null ? "(absent)" : "'" + value + "'";
  }
}
