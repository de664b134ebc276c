package lakehouse.bronze;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.sql.catalyst.InternalRow;

/**
 * The rows of a group of landing files, one file after the other, each opened only when the one
 * before it has been read to its end: a task holds one open file at a time, and a file that cannot
 * be read fails the task naming that file, as it would alone.
 */
final class LandingGroupRows implements Iterator<InternalRow> {
  private final Iterator<FileInspection> files;
  private final Function<FileInspection, LandingFileRows> open;
  private LandingFileRows current;

  LandingGroupRows(List<FileInspection> files, Function<FileInspection, LandingFileRows> open) {
    this.files = files.iterator();
    this.open = open;
  }

  @Override
  public boolean hasNext() {
    while (current == null || !current.hasNext()) {
      if (!files.hasNext()) {
        return false;
      }
      current = open.apply(files.next());
    }
    return true;
  }

  @Override
  public InternalRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  /** Releases the open file when the task ends before reading the group to its end. */
  void close() {
    if (current != null) {
      current.close();
    }
  }
}
