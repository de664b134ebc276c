package lakehouse.cli;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import lakehouse.bronze.BronzeResult;
import lakehouse.bronze.LandingFile;
import lakehouse.bronze.RejectedFile;
import lakehouse.shared.metrics.FileIo;
import lakehouse.shared.metrics.LayerIo;

/**
 * The landing files one bronze run read: every file it ingested or rejected, each read whole. When
 * bronze reads them with an Avro reader of its own inside its tasks rather than through a Spark
 * data source, Spark's metrics do not see those reads, so they are added to bronze's figures from
 * its result and the landing folder's listing; when a Spark scan read Avro, its figures stand.
 */
final class LandingRead {
  static final String FORMAT = "avro";

  private final Supplier<List<LandingFile>> listing;
  private final BronzeResult bronze;

  LandingRead(Supplier<List<LandingFile>> listing, BronzeResult bronze) {
    this.listing = listing;
    this.bronze = bronze;
  }

  /** Bronze's figures with the landing reads Spark did not see. */
  LayerIo completing(LayerIo measured) {
    if (measured.filesRead(FORMAT) > 0) {
      return measured;
    }
    Set<String> read = new LinkedHashSet<>(bronze.filesIngestedNow());
    for (RejectedFile rejected : bronze.filesRejected()) {
      read.add(rejected.file());
    }
    if (read.isEmpty()) {
      return measured;
    }
    Map<String, Long> lengths = new HashMap<>();
    for (LandingFile file : listing.get()) {
      lengths.put(file.relativePath(), file.length());
    }
    long bytes = read.stream().mapToLong(file -> lengths.getOrDefault(file, 0L)).sum();
    return measured.withUnseenRead(FORMAT, new FileIo(read.size(), bytes, bronze.rowsRead()));
  }
}
