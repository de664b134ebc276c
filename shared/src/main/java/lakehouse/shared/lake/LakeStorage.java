package lakehouse.shared.lake;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of storage a lake root (or any path of it) is on, read from its URI scheme in one
 * place, because it decides how the lakehouse keeps two writers apart and how it writes a file
 * atomically:
 *
 * <ul>
 *   <li>{@link #LOCAL} (a plain path or {@code file:}): one machine. Gold promotion takes an OS
 *       file lock per table; files are written under a hidden name and renamed.
 *   <li>{@link #OBJECT_STORE} ({@code s3a://}, {@code gs://}, {@code abfs://}...): no file locks
 *       and no atomic rename. Runs take the lake's writer lease, since Delta's S3 log store is safe
 *       for one writing application only; files are uploaded whole in place.
 *   <li>{@link #HDFS} ({@code hdfs://}, {@code viewfs://} and any other Hadoop file system scheme
 *       not known to be an object store): atomic rename, and Delta's log store keeps concurrent
 *       commits apart. But gold's rule that the run that started later wins whole partitions needs
 *       the ownership read and the commit of a promotion to happen alone, and a local file lock
 *       cannot order applications on other machines; so runs take the writer lease, as on an object
 *       store.
 * </ul>
 */
public enum LakeStorage {
  LOCAL,
  OBJECT_STORE,
  HDFS;

  private static final Set<String> OBJECT_STORE_SCHEMES =
      Set.of(
          "s3", "s3a", "s3n", "gs", "abfs", "abfss", "wasb", "wasbs", "oss", "cos", "cosn", "obs");
  private static final Pattern SCHEME = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]+):");

  /**
   * The storage of a lake root or path: a local path, or a URI whose scheme names the file system.
   */
  public static LakeStorage of(String root) {
    return ofScheme(scheme(root));
  }

  /** The storage a Hadoop file system scheme names; null or empty is a local path. */
  public static LakeStorage ofScheme(String scheme) {
    if (scheme == null || scheme.isEmpty() || scheme.equalsIgnoreCase("file")) {
      return LOCAL;
    }
    return OBJECT_STORE_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT)) ? OBJECT_STORE : HDFS;
  }

  /**
   * Whether gold promotion serialises on an OS file lock under {@code _locks/} (only one machine
   * can see it).
   */
  public boolean takesFileLock() {
    return this == LOCAL;
  }

  /** Whether a run takes the lake's writer lease, the lock that works across machines. */
  public boolean takesWriterLease() {
    return this != LOCAL;
  }

  /** Whether a file only becomes visible when its upload completes, and a rename is a copy. */
  public boolean isObjectStore() {
    return this == OBJECT_STORE;
  }

  /**
   * The local file system path of a root on {@link #LOCAL} storage: a plain path as given, a {@code
   * file:} URI as the path it names (relative paths stay relative).
   *
   * @throws IllegalArgumentException if the root is not local
   */
  public static Path localPath(String root) {
    if (of(root) != LOCAL) {
      throw new IllegalArgumentException(root + " is not a local path");
    }
    if (!root.regionMatches(true, 0, "file:", 0, "file:".length())) {
      return Path.of(root);
    }
    String path = root.substring("file:".length());
    if (path.startsWith("//")) {
      // file://host/path or file:///path: the authority (empty for this machine) is not part of the
      // path.
      int slash = path.indexOf('/', 2);
      path = slash < 0 ? "/" : path.substring(slash);
    }
    return Path.of(path);
  }

  /**
   * The scheme of a URI-shaped root, or null for a plain path. A scheme needs at least two letters,
   * so that a Windows drive ({@code C:\lake}) is a plain path.
   */
  private static String scheme(String root) {
    Matcher uri = SCHEME.matcher(root);
    return uri.lookingAt() ? uri.group(1) : null;
  }
}
