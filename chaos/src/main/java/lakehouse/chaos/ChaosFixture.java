package lakehouse.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The lakes every scenario starts from and is compared with, built once per chaos run by
 * undisturbed commands: the generated landing files of two ingest dates, the lake after the first
 * night, and the lake after both (the clean run an attacked lake must equal after recovery).
 *
 * @param afterFirstNight day one done, day two landed and not ingested: where attacks start
 * @param clean both nights done without interference
 * @param secondNight how long the undisturbed second night took
 * @param secondNightCommits the Delta commits it made, over all tables; kills are spread over them
 * @param generateOptions the options of {@code generate} after {@code --out}: the same landing
 *     files elsewhere (on an object store, say)
 */
public record ChaosFixture(
    LocalDate firstDate,
    LocalDate secondDate,
    ChaosLake afterFirstNight,
    ChaosLake clean,
    Duration secondNight,
    int secondNightCommits,
    List<String> generateOptions) {

  public static ChaosFixture build(
      Lakehouse lakehouse, Path work, LocalDate firstDate, int eventsPerDay, long seed) {
    LocalDate secondDate = firstDate.plusDays(1);
    Path source = work.resolve("fixture/landed");
    ChaosLake.delete(source);
    List<String> generateOptions =
        List.of(
            "--from",
            firstDate.toString(),
            "--days",
            "2",
            "--events-per-day",
            String.valueOf(eventsPerDay),
            "--seed",
            String.valueOf(seed));
    List<String> generate = new ArrayList<>(List.of("generate", "--out", source.toString()));
    generate.addAll(generateOptions);
    lakehouse.run(generate.toArray(String[]::new)).requireSuccess();
    ChaosLake afterFirstNight = new ChaosLake(source).copyTo(work.resolve("fixture/after-night-1"));
    lakehouse.run(night(afterFirstNight, firstDate, null)).requireSuccess();
    ChaosLake clean = afterFirstNight.copyTo(work.resolve("fixture/clean"));
    RunPhase night = RunPhase.before(clean);
    long started = System.nanoTime();
    lakehouse.run(night(clean, secondDate, null)).requireSuccess();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    return new ChaosFixture(
        firstDate, secondDate, afterFirstNight, clean, took, night.commitsSince(), generateOptions);
  }

  /** A lake at the start of the second night, in its own folder. */
  public ChaosLake startingLake(Path folder) {
    return afterFirstNight.copyTo(folder);
  }

  public String[] secondNight(ChaosLake lake, String runId) {
    return night(lake, secondDate, runId);
  }

  /** {@code run --lake L --date D [--run-id R]}. */
  public static String[] night(ChaosLake lake, LocalDate date, String runId) {
    return runId == null
        ? new String[] {"run", "--lake", lake.root().toString(), "--date", date.toString()}
        : new String[] {
          "run", "--lake", lake.root().toString(), "--date", date.toString(), "--run-id", runId
        };
  }
}
