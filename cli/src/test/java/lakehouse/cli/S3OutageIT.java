package lakehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lock.LakeWriterLease;
import lakehouse.shared.testing.TestSpark;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 server of an s3a lake stopped in the middle of a run (killed once bronze has committed)
 * and restarted once the run has failed: the run fails in bounded time with one line, its lease
 * does not hold up the retry, and the retry of the same run id converges to the tables an
 * undisturbed run gives. One tiny day, as cheap as such a test can be.
 */
class S3OutageIT {
  private static final String DAY = "2026-11-20";
  private static final String RUN_ID = "nightly-" + DAY;

  @TempDir Path work;

  @Test
  @DisplayName(
      "S3 stopped mid-run: exit 1 within bounded time in one line; the same run id converges after the restart")
  void s3StoppedMidRunFailsInOneLineAndTheRetryConverges() throws Exception {
    // A bucket of its own: Hadoop caches one s3a FileSystem per bucket in the test JVM, and
    // S3LakeIT, in the same JVM, must not be handed the one bound to this killed server.
    S3ProxyServer s3 = S3ProxyServer.start(Files.createDirectories(work.resolve("s3")), "outage");
    try {
      LakeLayout s3Lake = new LakeLayout(s3.uri("lake"));
      LakeLayout localLake = new LakeLayout(work.resolve("local-lake").toString());
      String conf = s3.confFile().toString();
      Map<String, String> environment = new HashMap<>(s3.credentialsEnvironment());
      environment.putAll(InProcessLakehouse.KEY);
      String[] generate = {
        "--from",
        DAY,
        "--days",
        "1",
        "--events-per-day",
        "1000",
        "--files-per-day",
        "2",
        "--seed",
        "5"
      };
      LakehouseProcess.Outcome generated =
          LakehouseProcess.run(
              environment,
              concat(List.of("generate", "--out", s3Lake.root(), "--conf", conf), generate));
      assertThat(generated.exitStatus()).as(generated.all()).isZero();
      InProcessLakehouse.Outcome local =
          InProcessLakehouse.run(concat(List.of("generate", "--out", localLake.root()), generate));
      assertThat(local.exitStatus()).as(local.stderr()).isZero();

      String[] run = {
        "run", "--date", DAY, "--lake", s3Lake.root(), "--conf", conf, "--run-id", RUN_ID
      };
      LakehouseProcess.Running running =
          LakehouseProcess.launch("scripts/lakehouse", environment, run);
      assertThat(running.awaitLine("bronze  " + DAY, Duration.ofMinutes(5)))
          .as(running.stdout())
          .isTrue();
      s3.kill();
      long killed = System.nanoTime();
      LakehouseProcess.Outcome failed = running.await(Duration.ofMinutes(5));
      Duration toFail = Duration.ofNanos(System.nanoTime() - killed);

      assertThat(failed.exitStatus()).as(failed.all()).isEqualTo(1);
      List<String> errors = failed.stderr().lines().filter(l -> l.startsWith("error: ")).toList();
      assertThat(errors).as(failed.stderr()).hasSize(1);
      assertThat(errors.get(0))
          .contains("the lake's object store did not answer")
          .contains("127.0.0.1:")
          .doesNotContain("com.amazonaws")
          .doesNotContain("stack trace");
      assertThat(failed.stderr()).as("no stack trace").doesNotContain("\tat ");
      assertThat(toFail).as("bounded s3a retries: %s", toFail).isLessThan(Duration.ofMinutes(3));
      assertThat(s3.bucketDirectory().resolve("lake/" + LakeWriterLease.RELATIVE_PATH))
          .as("the store was down as the run ended: its lease is left behind")
          .exists();

      s3 = s3.restarted();
      long retryStarted = System.nanoTime();
      LakehouseProcess.Outcome retried = LakehouseProcess.run(environment, run);
      assertThat(retried.exitStatus()).as(retried.all()).isZero();
      assertThat(retried.stdout())
          .as("the lease of the failed run, whose process is gone, is not waited for")
          .doesNotContain("waiting up to");
      assertThat(Duration.ofNanos(System.nanoTime() - retryStarted))
          .isLessThan(Duration.ofMinutes(5));

      s3.configure(TestSpark.session().sparkContext().hadoopConfiguration());
      InProcessLakehouse.Outcome undisturbed =
          InProcessLakehouse.run(
              "run", "--date", DAY, "--lake", localLake.root(), "--run-id", RUN_ID);
      assertThat(undisturbed.exitStatus()).as(undisturbed.stderr()).isZero();
      LakeTables.assertSame(localLake, s3Lake);
    } finally {
      s3.close();
    }
  }

  private static String[] concat(List<String> first, String[] second) {
    String[] all = first.toArray(new String[first.size() + second.length]);
    System.arraycopy(second, 0, all, first.size(), second.length);
    return all;
  }
}
