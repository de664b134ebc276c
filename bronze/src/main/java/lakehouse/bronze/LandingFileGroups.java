package lakehouse.bronze;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The landing files of a write, grouped into the tasks that decode them. A task has a fixed cost
 * (scheduling, its own Parquet file, its commit), which a night's small landing files would pay
 * once each: the generator's 24 files of a 100,000-event day spent more time starting tasks and
 * files than decoding. So files are packed into as few groups as keep every core busy and each
 * group under a target of bytes, the largest files first into the lightest group, which keeps the
 * groups even; each group is one task and one bronze file.
 */
final class LandingFileGroups {
  private LandingFileGroups() {}

  /**
   * @param files the files to decode
   * @param cores the tasks that run at once: there are at least this many groups (as files allow)
   * @param targetBytes the bytes a group should hold: there are at least enough groups for that
   */
  static List<List<FileInspection>> of(List<FileInspection> files, int cores, long targetBytes) {
    if (cores < 1 || targetBytes < 1) {
      throw new IllegalArgumentException(
          "cores and target bytes must be positive, got " + cores + " and " + targetBytes);
    }
    if (files.isEmpty()) {
      return List.of();
    }
    long total = files.stream().mapToLong(LandingFileGroups::bytes).sum();
    long bySize = (total + targetBytes - 1) / targetBytes;
    int count = (int) Math.min(files.size(), Math.max(cores, bySize));

    List<FileInspection> largestFirst = new ArrayList<>(files);
    // Then by path, so the same files always make the same groups.
    largestFirst.sort(
        Comparator.comparingLong(LandingFileGroups::bytes)
            .reversed()
            .thenComparing(f -> f.file().relativePath()));
    PriorityQueue<Group> lightest =
        new PriorityQueue<>(Comparator.comparingLong(Group::bytes).thenComparingInt(Group::index));
    List<Group> groups = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Group group = new Group(i);
      groups.add(group);
      lightest.add(group);
    }
    for (FileInspection file : largestFirst) {
      Group group = lightest.poll();
      group.add(file);
      lightest.add(group);
    }
    return groups.stream().map(Group::files).filter(g -> !g.isEmpty()).toList();
  }

  private static long bytes(FileInspection file) {
    return file.file().length();
  }

  private static final class Group {
    private final int index;
    private final List<FileInspection> files = new ArrayList<>();
    private long bytes;

    Group(int index) {
      this.index = index;
    }

    int index() {
      return index;
    }

    long bytes() {
      return bytes;
    }

    List<FileInspection> files() {
      return List.copyOf(files);
    }

    void add(FileInspection file) {
      files.add(file);
      bytes += LandingFileGroups.bytes(file);
    }
  }
}
