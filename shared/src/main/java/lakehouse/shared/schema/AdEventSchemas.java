package lakehouse.shared.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The registry of ad event schema versions. A landing file's version is recognised by its writer
 * schema's parsing canonical form (docs, defaults and field order of aliases do not matter; names,
 * types and field order do), never by the file's name. Adding a version is adding its .avsc here.
 */
public final class AdEventSchemas implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final List<String> RESOURCES =
      List.of("schemas/ad_event_v1.avsc", "schemas/ad_event_v2.avsc");

  private final List<SchemaVersion> versions;

  private AdEventSchemas(List<SchemaVersion> versions) {
    this.versions = List.copyOf(versions);
  }

  /** The registered versions shipped with the lakehouse. */
  public static AdEventSchemas registered() {
    List<SchemaVersion> versions = new java.util.ArrayList<>();
    for (int i = 0; i < RESOURCES.size(); i++) {
      Schema schema = load(RESOURCES.get(i));
      versions.add(
          new SchemaVersion(i + 1, schema, SchemaNormalization.parsingFingerprint64(schema)));
    }
    return new AdEventSchemas(versions);
  }

  /** The registered version whose canonical form equals the writer schema's, if any. */
  public Optional<SchemaVersion> recognise(Schema writerSchema) {
    long fingerprint = SchemaNormalization.parsingFingerprint64(writerSchema);
    return versions.stream().filter(v -> v.fingerprint() == fingerprint).findFirst();
  }

  public SchemaVersion version(int number) {
    return versions.stream()
        .filter(v -> v.number() == number)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no registered schema version " + number));
  }

  public List<SchemaVersion> versions() {
    return versions;
  }

  public SchemaVersion latest() {
    return versions.get(versions.size() - 1);
  }

  private static Schema load(String resource) {
    try (InputStream in = AdEventSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing from the jar: " + resource);
      }
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read schema resource " + resource, e);
    }
  }
}
