package lakehouse.shared.schema;

import java.io.Serializable;
import org.apache.avro.Schema;

/**
 * One registered version of the ad event schema.
 *
 * @param number the version number recorded in {@code schema_version}
 * @param fingerprint CRC-64-AVRO fingerprint of the schema's parsing canonical form
 */
public record SchemaVersion(int number, Schema schema, long fingerprint) implements Serializable {}
