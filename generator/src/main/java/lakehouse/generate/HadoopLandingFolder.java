package lakehouse.generate;

import java.io.IOException;
import lakehouse.shared.io.LakeFiles;
import lakehouse.shared.io.LakeFiles.FileContent;
import lakehouse.shared.lake.LakeLayout;
import org.apache.hadoop.conf.Configuration;

/**
 * A folder of a Hadoop file system, such as {@code s3a://bucket/lake}. On S3 an object is visible
 * only once its upload is complete, and a failed upload is aborted, so a file is never seen
 * half-written there either (see {@link LakeFiles#writeAtomically(String, FileContent,
 * Configuration)}).
 */
final class HadoopLandingFolder implements LandingFolder {
  private final LakeLayout root;
  private final Configuration hadoop;

  HadoopLandingFolder(String root, Configuration hadoop) {
    this.root = new LakeLayout(root);
    this.hadoop = hadoop;
  }

  @Override
  public String root() {
    return root.root();
  }

  @Override
  public String write(String relativePath, FileContent content) throws IOException {
    String location = root.resolve(relativePath);
    LakeFiles.writeAtomically(location, content, hadoop);
    return location;
  }
}
