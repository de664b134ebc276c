package lakehouse.bronze;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import lakehouse.shared.delta.ConflictRetry;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.pii.PiiTokenizer;
import lakehouse.shared.schema.AdEventSchemas;
import lakehouse.shared.schema.SchemaVersion;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * Ingests one ingest date's landing files into {@code bronze/ad_events}.
 *
 * <p>Guarantees: a file is ingested whole or not at all (a file that cannot be decoded to its end
 * contributes no row); all files of a run become visible in one Delta commit, so a crash leaves no
 * half batch; a file already ingested is skipped, so running a date twice adds nothing; the commit
 * replaces exactly the rows of the files it ingests, so two attempts racing on the same files still
 * leave one copy of each record; the attempt that loses such a race decides again against what the
 * other committed. Rejected files stay in the landing zone and are reported.
 *
 * <p>Cost: each file's header and last 16 bytes are read on the driver, then each accepted file is
 * decoded once, by the task that writes its rows.
 */
public final class BronzeIngestion {
  private static final Logger LOG = LoggerFactory.getLogger(BronzeIngestion.class);

  /**
   * Attempts in all when another run commits to bronze in between: each conflict means the other
   * run took files this one meant to ingest, so a few suffice.
   */
  private static final int MAX_ATTEMPTS = 4;

  private static final Duration FIRST_RETRY_DELAY = Duration.ofMillis(200);
  private static final Duration MAX_RETRY_DELAY = Duration.ofSeconds(3);

  private final SparkSession spark;
  private final LakeLayout lake;
  private final LandingFileInspector inspector;
  private final BronzeCommit commit;
  private final Clock clock;
  private final ConflictRetry conflicts =
      new ConflictRetry(MAX_ATTEMPTS, FIRST_RETRY_DELAY, MAX_RETRY_DELAY, new Random());

  public BronzeIngestion(
      SparkSession spark,
      LakeLayout lake,
      AdEventSchemas schemas,
      PiiTokenizer tokenizer,
      Clock clock) {
    for (SchemaVersion version : schemas.versions()) {
      AdEventRowReader.checkHoldable(version, tokenizer);
    }
    this.spark = spark;
    this.lake = lake;
    this.inspector = new LandingFileInspector(schemas);
    this.commit = new BronzeCommit(spark, lake.bronzeEvents(), schemas, tokenizer);
    this.clock = clock;
  }

  public BronzeResult ingest(LocalDate ingestDate, String runId) {
    long started = clock.millis();
    Attempt attempt =
        conflicts.run(
            () -> attempt(ingestDate, runId),
            (failed, conflict, wait) ->
                LOG.warn(
                    "bronze {}: another run committed to bronze first ({}); deciding again in {}"
                        + " ms",
                    ingestDate,
                    conflict.getClass().getSimpleName(),
                    wait.toMillis()));
    for (RejectedFile file : attempt.rejected()) {
      LOG.warn("bronze: rejected {} ({}): {}", file.file(), file.reason().label(), file.detail());
    }
    return new BronzeResult(
        ingestDate.toString(),
        attempt.outcome().ingested().size(),
        attempt.skipped(),
        attempt.outcome().rows(),
        attempt.rejected(),
        attempt.outcome().ingested().stream().map(i -> i.file().relativePath()).toList(),
        tableVersion(lake.bronzeEvents()),
        clock.millis() - started);
  }

  /** What one attempt decided and committed. */
  private record Attempt(int skipped, List<RejectedFile> rejected, BronzeCommit.Outcome outcome) {}

  /**
   * Decides which of the date's files to ingest from the ledger as it is now, and commits them. A
   * conflict with a run that committed the same files meanwhile fails the attempt before its
   * commit, and the next attempt finds those files ingested.
   */
  private Attempt attempt(LocalDate ingestDate, String runId) {
    List<LandingFile> landed =
        new LandingZone(lake, spark.sparkContext().hadoopConfiguration()).filesOf(ingestDate);
    Set<String> ingested =
        new IngestLedger(spark, lake.bronzeEvents()).fingerprintsIngested(ingestDate);
    List<LandingFile> pending =
        landed.stream().filter(f -> !ingested.contains(f.fingerprint())).toList();

    List<FileInspection> inspections =
        inspector.inspectAll(pending, spark.sparkContext().hadoopConfiguration());
    List<FileInspection> accepted = new ArrayList<>();
    List<RejectedFile> rejected = new ArrayList<>();
    for (FileInspection inspection : inspections) {
      if (inspection.isAccepted()) {
        accepted.add(inspection);
      } else {
        rejected.add(inspection.asRejected());
      }
    }
    BronzeCommit.Outcome outcome = commit.commit(accepted, ingestDate, runId);
    rejected.addAll(outcome.rejected());
    return new Attempt(landed.size() - pending.size(), rejected, outcome);
  }

  /**
   * The table's version from its log on the driver (the write has just brought it up to date), not
   * from its history, which would cost Spark jobs.
   */
  private long tableVersion(String bronzePath) {
    return DeltaLog.forTable(spark, bronzePath)
        .update(false, Option.empty(), Option.empty())
        .version();
  }
}
