package lakehouse.generate;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * One file the generator wrote.
 *
 * @param lakePath the path relative to the output folder ({@code
 *     landing/ad_events/ingest_date=.../x.avro}), as run reports name landing files
 * @param location where the file is: an absolute local path, or a URI ({@code s3a://...})
 * @param schemaVersion the registered version its header carries (1 or 2; a corrupt file's header
 *     is version 2), 0 for an unregistered schema
 * @param records records encoded in the file (for a corrupt file: before it was cut)
 */
public record GeneratedFile(
    LocalDate ingestDate,
    String lakePath,
    String location,
    FileKind kind,
    int schemaVersion,
    long records) {

  /** The file on local disk; only for files generated into a local folder. */
  public Path path() {
    if (location.contains("://")) {
      throw new IllegalStateException(location + " is not on local disk");
    }
    return Path.of(location);
  }
}
