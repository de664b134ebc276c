package lakehouse.chaos;

import java.nio.file.Path;
import java.util.Random;
import org.apache.spark.sql.SparkSession;

/**
 * What every scenario works with: the command runner, the reader's Spark session, the clean lakes
 * to start from and compare with, a seeded random source (a run is reproduced by its seed) and the
 * size of the run.
 *
 * @param quick the small version of every scenario, for CI
 * @param trials the trials of every scenario when above 0 (a scenario's kills, nights or rounds),
 *     instead of its quick or full count; a full run can so be made in pieces of different seeds
 */
public record ChaosContext(
    Lakehouse lakehouse,
    SparkSession spark,
    ChaosFixture fixture,
    Path work,
    Random random,
    boolean quick,
    int trials) {

  /** The scenario's trials (kills, nights, rounds): the run's count, else the quick or full one. */
  public int trials(int quickTrials, int fullTrials) {
    return trials > 0 ? trials : size(quickTrials, fullTrials);
  }

  /** A size within one trial, which a count of trials leaves as it is. */
  public int size(int quickSize, int fullSize) {
    return quick ? quickSize : fullSize;
  }

  public LakeInvariants invariants() {
    return new LakeInvariants(spark);
  }

  public LakeComparison comparison() {
    return new LakeComparison(spark);
  }

  /** A fresh folder for one scenario's lake. */
  public Path lakeFolder(String name) {
    return work.resolve("lakes").resolve(name);
  }

  /** A run id of this chaos run, unique and recognisable in the lake's reports. */
  public String newRunId(String scenario) {
    return "chaos-" + scenario + "-" + Long.toHexString(random.nextLong() & 0xffffffffL);
  }
}
