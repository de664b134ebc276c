package lakehouse.cli;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import lakehouse.shared.config.ConfigurationException;
import lakehouse.shared.config.LakehouseConfig;
import lakehouse.shared.error.LakehouseException;
import lakehouse.shared.lake.CatalogTable;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lake.LakeStorage;
import lakehouse.shared.lake.TableCatalog;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import scala.Option;

/**
 * Checks, before a command writes anything, that the lake's storage can be written and read as the
 * run will: the root and every table's place are folders or do not exist yet, none of their parents
 * is a file, and every table's log can be listed into a snapshot. A file where a folder belongs
 * (left by a tool, a copy gone wrong) or a log that lost a checkpoint the commits after it need
 * otherwise fails deep inside Spark or Delta, with a message that names neither the path nor the
 * table ("is not a Delta table", "Couldn't find all part files of the checkpoint version: 20"), and
 * after earlier layers committed; here it fails first, naming the path.
 *
 * <p>What Delta recovers from by itself passes: a {@code _last_checkpoint} that is garbage or cut
 * short (Delta lists the log instead), a checkpoint that is missing while the commits before it are
 * still there (Delta replays them).
 */
final class LakeStorageCheck {
  private LakeStorageCheck() {}

  /**
   * Every table's log, brought up to date as the run would: its listing, checkpoint and commits.
   *
   * @throws LakehouseException naming the first table whose log cannot make a snapshot
   */
  static void checkTableLogs(SparkSession spark, LakehouseConfig config) {
    LakeLayout lake = config.lake();
    for (CatalogTable table : new TableCatalog(lake).tables(config.gold())) {
      String log = table.path() + "/_delta_log";
      try {
        DeltaLog.forTable(spark, table.path()).update(false, Option.empty(), Option.empty());
      } catch (RuntimeException e) {
        DeltaLog.invalidateCache(spark, new org.apache.hadoop.fs.Path(table.path()));
        throw new LakehouseException(
            "the table "
                + lake.relativize(table.path())
                + " cannot be read from its log "
                + log
                + ": "
                + firstLine(e)
                + "; nothing was written: restore the log's missing or damaged files and run again",
            e);
      }
    }
  }

  private static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /**
   * The root of a local lake and its {@code _runs/} folder, where the run's log and report go,
   * checked before the log starts. A root that is a file is a wrong setting (exit 2).
   *
   * @throws ConfigurationException if the root, or a folder above it, is a file
   * @throws LakehouseException if {@code _runs} is a file
   */
  static void checkLocalRoot(LakeLayout lake) {
    if (LakeStorage.of(lake.root()) != LakeStorage.LOCAL) {
      return;
    }
    Path root = LakeStorage.localPath(lake.root()).toAbsolutePath().normalize();
    for (Path folder = root; folder != null; folder = folder.getParent()) {
      if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) || Files.exists(folder)) {
        if (!Files.isDirectory(folder)) {
          throw new ConfigurationException(
              "the lake root "
                  + lake.root()
                  + (folder.equals(root) ? " is a file" : " is under " + folder + ", a file")
                  + ", not a folder (--lake or lakehouse.root)");
        }
        break;
      }
    }
    Path runs = LakeStorage.localPath(lake.runs());
    if (Files.exists(runs) && !Files.isDirectory(runs)) {
      throw new LakehouseException(
          notAFolder(runs.toString(), "the folder of run logs and reports"));
    }
  }

  /**
   * Every table's place: a folder or nothing, under folders; on any storage, through Hadoop.
   *
   * @throws LakehouseException naming the first file found where a folder belongs
   */
  static void checkTables(LakehouseConfig config, Configuration hadoop) {
    LakeLayout lake = config.lake();
    List<String> places = new ArrayList<>();
    for (CatalogTable table : new TableCatalog(lake).tables(config.gold())) {
      places.add(table.path());
    }
    places.add(lake.runs());
    String root = trimmed(lake.root());
    Set<String> checked = new LinkedHashSet<>();
    for (String place : places) {
      // The root, then each folder from it down to the table's place.
      List<String> folders = new ArrayList<>();
      folders.add(root);
      String rest = trimmed(place).substring(root.length());
      int at = 0;
      while ((at = rest.indexOf('/', at + 1)) > 0) {
        folders.add(root + rest.substring(0, at));
      }
      folders.add(trimmed(place));
      for (String folder : folders) {
        if (!checked.add(folder)) {
          continue;
        }
        FileStatus status = status(folder, hadoop);
        if (status == null) {
          // Nothing there yet: neither are the folders below it.
          break;
        }
        if (!status.isDirectory()) {
          throw new LakehouseException(notAFolder(folder, "a folder of the lake's tables"));
        }
      }
    }
  }

  private static FileStatus status(String folder, Configuration hadoop) {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(folder);
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      return fs.getFileStatus(path);
    } catch (FileNotFoundException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check the lake folder " + folder, e);
    }
  }

  private static String trimmed(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static String notAFolder(String path, String what) {
    return path
        + " is a file where "
        + what
        + " belongs; nothing was written: move the file away (or restore the folder) and run again";
  }
}
