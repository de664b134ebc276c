package lakehouse.generate;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.lake.LakeStorage;
import lakehouse.shared.schema.AdEventSchemas;
import org.apache.hadoop.conf.Configuration;

/**
 * Writes realistic landing files, as producers would deliver them, under {@code
 * <out>/landing/ad_events/ingest_date=YYYY-MM-DD/} (on local disk or S3): hourly dumps in schema
 * versions 1 and 2 with late, duplicate, invalid, future, too-late and hot-key events, and on
 * request one corrupt and one unregistered-schema file per day. No Spark: plain Avro, records
 * streamed one at a time, files written in parallel. The same spec gives the same bytes whatever
 * the number of threads; files already in the folders under other names are left alone.
 */
public final class LandingGenerator {
  private static final int MAX_THREADS = 8;

  private final AdEventSchemas schemas;
  private final int threads;

  /** Registered schemas, one thread per core (at most 8). */
  public LandingGenerator() {
    this(
        AdEventSchemas.registered(),
        Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  public LandingGenerator(AdEventSchemas schemas, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("the generator needs at least one thread, got " + threads);
    }
    this.schemas = schemas;
    this.threads = threads;
  }

  /**
   * Writes the landing files of every ingest date of the spec under a local folder; returns what it
   * wrote.
   */
  public GenerationSummary generate(Path out, GeneratorSpec spec) throws IOException {
    return generate(new LocalLandingFolder(out), spec);
  }

  /**
   * Writes the landing files under out: a local path, or a URI of a Hadoop file system such as
   * {@code s3a://bucket/lake}, reached with the given Hadoop configuration. The bytes are the same
   * either way.
   */
  public GenerationSummary generate(String out, Configuration hadoop, GeneratorSpec spec)
      throws IOException {
    URI uri = new org.apache.hadoop.fs.Path(out).toUri();
    boolean local = LakeStorage.of(out) == LakeStorage.LOCAL;
    return generate(
        local
            ? new LocalLandingFolder(Path.of(uri.getPath()))
            : new HadoopLandingFolder(out, hadoop),
        spec);
  }

  private GenerationSummary generate(LandingFolder out, GeneratorSpec spec) throws IOException {
    LakeLayout layout = new LakeLayout(out.root());
    Population population = new Population(spec.eventsPerDay(), spec.seed());
    DumpWriter writer = new DumpWriter(spec, schemas, population);
    ExecutorService workers = Executors.newFixedThreadPool(threads, daemonThreads());
    try {
      List<List<Future<DumpWriter.Written>>> filesOfDay = new ArrayList<>();
      for (int d = 0; d < spec.days(); d++) {
        LocalDate ingestDate = spec.from().plusDays(d);
        String lakeFolder = layout.relativize(layout.landingEventsForDate(ingestDate));
        List<Future<DumpWriter.Written>> files = new ArrayList<>();
        for (PlannedFile file : writer.records().plan(ingestDate)) {
          files.add(workers.submit(() -> writer.dump(ingestDate, file, out, lakeFolder)));
        }
        if (spec.corruptFiles()) {
          files.add(workers.submit(() -> writer.corrupt(ingestDate, out, lakeFolder)));
        }
        if (spec.unknownSchemaFiles()) {
          files.add(workers.submit(() -> writer.unregistered(ingestDate, out, lakeFolder)));
        }
        filesOfDay.add(files);
      }
      List<DaySummary> days = new ArrayList<>();
      for (int d = 0; d < spec.days(); d++) {
        List<GeneratedFile> files = new ArrayList<>();
        CaseCounts cases = CaseCounts.none();
        for (Future<DumpWriter.Written> pending : filesOfDay.get(d)) {
          DumpWriter.Written written = result(pending);
          files.add(written.file());
          cases = cases.plus(written.cases());
        }
        days.add(new DaySummary(spec.from().plusDays(d), files, cases));
      }
      return new GenerationSummary(
          days, population.hotUserId(), population.hotAdId(), LandingCodec.name());
    } finally {
      stop(workers);
    }
  }

  /**
   * After a failure, stops the other files and waits, so that nothing is written after this
   * returns.
   */
  private static void stop(ExecutorService workers) {
    workers.shutdownNow();
    try {
      if (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException("landing generator threads did not stop within a minute");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static DumpWriter.Written result(Future<DumpWriter.Written> pending) throws IOException {
    try {
      return pending.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while generating landing files");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException("generating a landing file failed", cause);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "landing-generator-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
