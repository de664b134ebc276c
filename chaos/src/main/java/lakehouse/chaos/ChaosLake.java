package lakehouse.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lakehouse.shared.config.ConfigLoader;
import lakehouse.shared.config.GoldSettings;
import lakehouse.shared.lake.CatalogTable;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lake.TableCatalog;
import lakehouse.shared.lake.TableLayer;

/** A local lake that a scenario attacks or compares with: its folder and its tables. */
public record ChaosLake(Path root) {
  private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");

  public LakeLayout layout() {
    return new LakeLayout(root.toString());
  }

  /** The lake's tables at the configured feature versions, as the lakehouse itself names them. */
  public List<CatalogTable> tables() {
    GoldSettings gold =
        new ConfigLoader().load(null, Map.of("lakehouse.root", root.toString())).gold();
    return new TableCatalog(layout()).tables(gold);
  }

  /** The tables whose content a clean run determines: every one but the ledgers. */
  public List<CatalogTable> dataTables() {
    return tables().stream().filter(table -> table.layer() != TableLayer.LEDGER).toList();
  }

  public List<CatalogTable> goldTables() {
    return tables().stream()
        .filter(table -> table.layer() == TableLayer.GOLD && table.keyColumn().isPresent())
        .toList();
  }

  public CatalogTable silverEvents() {
    return new TableCatalog(layout()).silverEvents();
  }

  public Path reports() {
    return root.resolve("_runs");
  }

  /** A copy of this lake in a new folder; lakes here are small, and Delta's paths are relative. */
  public ChaosLake copyTo(Path target) {
    delete(target);
    try (Stream<Path> files = Files.walk(root)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path copy = target.resolve(root.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy lake " + root + " to " + target, e);
    }
    return new ChaosLake(target);
  }

  /** Number of commit files in a table's Delta log; how a scenario sees a commit land. */
  public static int commits(Path table) {
    Path log = table.resolve("_delta_log");
    if (!Files.isDirectory(log)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(log)) {
      return (int)
          files
              .filter(file -> COMMIT_FILE.matcher(file.getFileName().toString()).matches())
              .count();
    } catch (IOException e) {
      return 0;
    }
  }

  public static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + folder, e);
    }
  }
}
