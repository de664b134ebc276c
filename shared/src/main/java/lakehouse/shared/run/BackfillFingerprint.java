package lakehouse.shared.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import lakehouse.shared.config.ConfigLoader;

/**
 * The fingerprint of one date of a backfill: the settings that decide what a run writes into a
 * table, the layers run and the date's inputs. A backfill started again skips a date only when its
 * fingerprint is the one {@link BackfillLedger} recorded, so a changed input or content setting is
 * redone.
 */
public final class BackfillFingerprint {
  /**
   * The settings that decide table contents. Every other setting changes how a run is operated,
   * never what it writes (another Redis, a longer lease, a bigger gold batch, Spark's settings,
   * whose usual reason to change is getting a failed backfill through), so a date completed before
   * it changed stays completed.
   */
  public static final List<String> CONTENT_SETTINGS =
      List.of("lakehouse.root", "lakehouse.pii", "lakehouse.silver", "lakehouse.gold");

  private final String configuration;
  private final String layers;

  /**
   * @param effective the command's effective configuration
   * @param layers the layers the backfill runs, as they are written into the fingerprint
   */
  public BackfillFingerprint(Config effective, String layers) {
    Config content = ConfigFactory.empty();
    for (String setting : CONTENT_SETTINGS) {
      if (effective.hasPath(setting)) {
        content = content.withValue(setting, effective.getValue(setting));
      }
    }
    this.configuration = ConfigLoader.maskedJson(content);
    this.layers = layers;
  }

  /**
   * The fingerprint of one date: its inputs and the settings that decide table contents.
   *
   * @param inputs identities of the date's inputs: its landing files, or the versions of the tables
   *     the first layer reads
   */
  public String of(List<String> inputs) {
    List<String> parts = new ArrayList<>();
    parts.add(configuration);
    parts.add(layers);
    parts.addAll(inputs);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha.digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
