package lakehouse.gold.crash;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import lakehouse.gold.GoldLayer;
import lakehouse.gold.GoldResult;
import lakehouse.gold.GoldRunListener;
import lakehouse.gold.TestLakes;
import lakehouse.gold.staging.StagedPartition;
import lakehouse.gold.table.GoldTable;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.run.RunReportWriter;
import lakehouse.shared.testing.TestSpark;
import org.apache.spark.sql.SparkSession;

/**
 * A gold run in a JVM of its own, for tests that kill it or race it against another JVM. It prints
 * marker lines on stdout that the parent waits for: {@code PAUSED <point>} when it stops at the
 * point named by its arguments (and then waits to be killed), {@code READY} when it waits for the
 * go file before promoting, {@code RESULT <json>} at the end.
 *
 * <p>Arguments: lake root, ingest date, changed event dates (comma-separated), run id, pause point
 * ({@code none}, {@code staging}: after the first partition is staged, {@code before-promotion},
 * {@code ready}: wait for the go file), and for {@code ready} the go file. The pause point {@code
 * commit} is made by {@link PausingLogStore}, configured through a system property.
 */
public final class GoldRunChild {
  private GoldRunChild() {}

  public static void main(String[] args) throws Exception {
    LakeLayout lake = new LakeLayout(args[0]);
    LocalDate ingestDate = LocalDate.parse(args[1]);
    Set<LocalDate> changed =
        Arrays.stream(args[2].split(",")).map(LocalDate::parse).collect(Collectors.toSet());
    String runId = args[3];
    String pauseAt = args[4];
    Path goFile = args.length > 5 ? Path.of(args[5]) : null;
    SparkSession spark = TestSpark.session();
    int status = 0;
    try {
      GoldResult result =
          new GoldLayer(spark, lake, TestLakes.settings())
              .withListener(new Pauses(pauseAt, goFile))
              .build(ingestDate, changed, runId);
      System.out.println("RESULT " + RunReportWriter.toJson(result).replace('\n', ' '));
    } catch (RuntimeException e) {
      System.out.println("FAILED " + e);
      e.printStackTrace();
      status = 1;
    }
    System.out.flush();
    spark.stop();
    System.exit(status);
  }

  /** Prints a marker line and waits to be killed. */
  static void pauseForever(String point) {
    System.out.println("PAUSED " + point);
    System.out.flush();
    while (true) {
      try {
        Thread.sleep(60_000);
      } catch (InterruptedException ignored) {
        // Only SIGKILL ends this JVM: that is the point of the test.
      }
    }
  }

  private static final class Pauses implements GoldRunListener {
    private final String pauseAt;
    private final Path goFile;
    private boolean waited;

    Pauses(String pauseAt, Path goFile) {
      this.pauseAt = pauseAt;
      this.goFile = goFile;
    }

    @Override
    public void partitionStaged(StagedPartition staged) {
      if (pauseAt.equals("staging")) {
        pauseForever("staging");
      }
    }

    @Override
    public void beforePromotion(GoldTable table, String runId) {
      if (pauseAt.equals("before-promotion")) {
        pauseForever("before-promotion");
      }
      if (pauseAt.equals("ready") && !waited) {
        waited = true;
        System.out.println("READY");
        System.out.flush();
        try {
          while (!Files.exists(goFile)) {
            Thread.sleep(20);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
