package lakehouse.generate;

import java.io.IOException;
import lakehouse.shared.io.LakeFiles.FileContent;

/**
 * Where generated landing files go: a local folder or a folder of a Hadoop file system (s3a).
 * Either way a file appears under its final name whole or not at all, as a producer's upload would.
 */
interface LandingFolder {
  /** The root the files are written under, as lake paths name it (an absolute path or a URI). */
  String root();

  /**
   * Writes one file.
   *
   * @param relativePath path under the root, {@code landing/ad_events/ingest_date=.../name.avro}
   * @return where the file is: an absolute path, or a URI for a Hadoop file system
   */
  String write(String relativePath, FileContent content) throws IOException;
}
