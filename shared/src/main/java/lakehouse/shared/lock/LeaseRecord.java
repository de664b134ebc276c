package lakehouse.shared.lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;

/**
 * The content of a writer lease: whose it is (a token unique to one acquisition, so that two runs
 * of the same name are told apart), who that is for a person reading it, and until when it holds.
 */
record LeaseRecord(
    String token, String holder, String host, long pid, Instant acquiredAt, Instant expiresAt) {
  private static final ObjectMapper JSON = new ObjectMapper();

  LeaseRecord renewedUntil(Instant expiry) {
    return new LeaseRecord(token, holder, host, pid, acquiredAt, expiry);
  }

  boolean isExpiredAt(Instant now) {
    return !expiresAt.isAfter(now);
  }

  /**
   * Whether the holder is known to be gone: it ran on this host (same host name) as another
   * process, and no process of its pid is alive any more. A writer that failed or was killed
   * without releasing its lease (its store was down as it ended) then blocks no retry on the same
   * machine until the lease expires. A holder on another host is never judged so: only expiry frees
   * its lease.
   */
  boolean holderIsGone(String thisHost, long thisPid) {
    return host.equals(thisHost)
        && pid > 0
        && pid != thisPid
        && ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true);
  }

  /** For messages: the holder, where it runs and how long its lease still holds. */
  String describe() {
    return holder
        + " (host "
        + host
        + ", pid "
        + pid
        + ", since "
        + acquiredAt
        + ", lease until "
        + expiresAt
        + ")";
  }

  byte[] toJson() {
    ObjectNode json =
        JSON.createObjectNode()
            .put("token", token)
            .put("holder", holder)
            .put("host", host)
            .put("pid", pid)
            .put("acquired_at", acquiredAt.toString())
            .put("expires_at", expiresAt.toString());
    try {
      return JSON.writeValueAsBytes(json);
    } catch (IOException e) {
      throw new IllegalStateException("cannot render a writer lease as JSON", e);
    }
  }

  /**
   * @throws IOException if the bytes are not a lease
   */
  static LeaseRecord parse(byte[] bytes) throws IOException {
    JsonNode json = JSON.readTree(bytes);
    if (json == null || !json.hasNonNull("token") || !json.hasNonNull("expires_at")) {
      throw new IOException("not a writer lease");
    }
    try {
      return new LeaseRecord(
          json.get("token").asText(),
          json.path("holder").asText("?"),
          json.path("host").asText("?"),
          json.path("pid").asLong(),
          Instant.parse(json.path("acquired_at").asText()),
          Instant.parse(json.get("expires_at").asText()));
    } catch (java.time.format.DateTimeParseException e) {
      throw new IOException("not a writer lease: " + e.getMessage(), e);
    }
  }
}
