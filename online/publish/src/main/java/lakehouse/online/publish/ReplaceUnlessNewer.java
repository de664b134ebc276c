package lakehouse.online.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lakehouse.online.client.FeatureHash;
import redis.clients.jedis.CommandArguments;
import redis.clients.jedis.Protocol;

/**
 * The write of one user's hash, as one Lua script that Redis runs atomically: unless the stored
 * hash holds a later as_of_date, delete it, set every field of the new one and set its time to
 * live. Deleting first drops the fields of an earlier publish that the new hash no longer has (a
 * ctr_7d that became null); running it all as one script means no reader ever sees half of it. ISO
 * dates compare as strings.
 */
final class ReplaceUnlessNewer {
  /** What the script answers: the hash was replaced. */
  static final long REPLACED = 1;

  /** What the script answers: the hash holds a later as_of_date and was left as it was. */
  static final long KEPT_NEWER = 0;

  /**
   * KEYS[1]: the user's hash. ARGV[1]: its as_of_date; ARGV[2]: time to live in ms; then field,
   * value, ...
   */
  static final String SOURCE =
      """
      local stored = redis.call('HGET', KEYS[1], '%s')
      if stored and stored > ARGV[1] then
        return %d
      end
      redis.call('DEL', KEYS[1])
      redis.call('HSET', KEYS[1], unpack(ARGV, 3))
      redis.call('PEXPIRE', KEYS[1], ARGV[2])
      return %d
      """
          .formatted(FeatureHash.AS_OF_DATE, KEPT_NEWER, REPLACED);

  private ReplaceUnlessNewer() {}

  static List<String> keys(FeatureHash hash) {
    return List.of(hash.key());
  }

  /**
   * The EVALSHA of the script, loaded under {@code sha}, that replaces the user's hash: the same
   * keys and arguments as {@link #keys} and {@link #arguments}, without building their lists.
   */
  static CommandArguments evalsha(String sha, FeatureHash hash, long ttlMillis) {
    CommandArguments command =
        new CommandArguments(Protocol.Command.EVALSHA)
            .add(sha)
            .add(1)
            .add(hash.key())
            .add(hash.asOfDate())
            .add(ttlMillis);
    for (Map.Entry<String, String> field : hash.fields().entrySet()) {
      command.add(field.getKey()).add(field.getValue());
    }
    return command;
  }

  static List<String> arguments(FeatureHash hash, long ttlMillis) {
    List<String> arguments = new ArrayList<>(2 + 2 * hash.fields().size());
    arguments.add(hash.asOfDate());
    arguments.add(Long.toString(ttlMillis));
    for (Map.Entry<String, String> field : hash.fields().entrySet()) {
      arguments.add(field.getKey());
      arguments.add(field.getValue());
    }
    return arguments;
  }
}
