package lakehouse.shared.metrics;

/**
 * Files, bytes and records that moved one way, read or written.
 *
 * @param files files opened (read) or created (written)
 * @param bytes bytes read from or written to those files
 * @param records records the readers returned or the writers wrote
 */
public record FileIo(long files, long bytes, long records) {
  public static final FileIo NONE = new FileIo(0, 0, 0);

  public FileIo plus(FileIo other) {
    return new FileIo(files + other.files, bytes + other.bytes, records + other.records);
  }
}
