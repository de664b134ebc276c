package lakehouse.bronze;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import lakehouse.shared.lake.LakeLayout;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists the landing files of an ingest date. Read-only: the landing zone belongs to the producers
 * and the lakehouse never moves, rewrites or deletes a file there. Hidden files (a producer's
 * upload in progress, named with a leading '.' or '_') and files not ending in .avro are not
 * landing files.
 */
public final class LandingZone {
  private final LakeLayout lake;
  private final Configuration hadoop;

  public LandingZone(LakeLayout lake, Configuration hadoop) {
    this.lake = lake;
    this.hadoop = hadoop;
  }

  /** The date's landing files sorted by path; none if the date's folder does not exist. */
  public List<LandingFile> filesOf(LocalDate ingestDate) {
    Path folder = new Path(lake.landingEventsForDate(ingestDate));
    try {
      FileSystem fs = folder.getFileSystem(hadoop);
      FileStatus[] statuses;
      try {
        statuses = fs.listStatus(folder);
      } catch (FileNotFoundException e) {
        return List.of();
      }
      List<LandingFile> files = new ArrayList<>();
      for (FileStatus status : statuses) {
        String name = status.getPath().getName();
        if (status.isFile()
            && name.endsWith(".avro")
            && !name.startsWith(".")
            && !name.startsWith("_")) {
          String path = status.getPath().toString();
          files.add(
              LandingFile.of(
                  path, lake.relativize(path), status.getLen(), status.getModificationTime()));
        }
      }
      files.sort(Comparator.comparing(LandingFile::relativePath));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list landing folder " + folder, e);
    }
  }
}
