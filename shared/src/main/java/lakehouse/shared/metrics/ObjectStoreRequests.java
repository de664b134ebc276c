package lakehouse.shared.metrics;

/**
 * The object-store requests (S3 and the like) that the files a run read and wrote imply: an
 * estimate from a fixed rule, not a count of requests made. The rule, in one place:
 *
 * <ul>
 *   <li>each file read: one HEAD (its length and existence) and one GET;
 *   <li>each file written: one PUT;
 *   <li>each Delta commit: one LIST of the table's log (the versions after the last checkpoint),
 *       one GET (the latest commit or checkpoint pointer) and one PUT (the commit file).
 * </ul>
 *
 * <p>Real clients make more: a file above the multipart size (64 MiB by default for s3a) is
 * uploaded in several parts, a Parquet reader may GET the footer and each column chunk apart, s3a
 * probes the parent path before it creates a file, and plain Parquet writes through Hadoop's
 * committer copy every file once more on commit. So read the figures as the floor the data itself
 * costs.
 */
public record ObjectStoreRequests(long get, long head, long put, long list) {
  public static final ObjectStoreRequests NONE = new ObjectStoreRequests(0, 0, 0, 0);

  /** One sentence for the run report, beside the figures. */
  public static final String RULE =
      "estimate, not a count: per file read 1 HEAD + 1 GET; per file written 1 PUT; per Delta"
          + " commit 1 LIST + 1 GET + 1 PUT";

  public static ObjectStoreRequests estimate(LayerIo io) {
    return forFiles(io.read().files(), io.written().files()).plus(forCommits(io.deltaCommits()));
  }

  /** The requests that follow the data: they grow with the files a night reads and writes. */
  public static ObjectStoreRequests forFiles(long filesRead, long filesWritten) {
    return new ObjectStoreRequests(filesRead, filesRead, filesWritten, 0);
  }

  /** The requests each commit adds, whatever its size. */
  public static ObjectStoreRequests forCommits(long commits) {
    return new ObjectStoreRequests(commits, 0, commits, commits);
  }

  public ObjectStoreRequests plus(ObjectStoreRequests other) {
    return new ObjectStoreRequests(
        get + other.get, head + other.head, put + other.put, list + other.list);
  }

  public long total() {
    return get + head + put + list;
  }
}
