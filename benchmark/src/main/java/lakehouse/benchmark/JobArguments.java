package lakehouse.benchmark;

import java.time.LocalDate;

/**
 * The arguments every Spark reference job takes, LAKE_ROOT DATE OUT, so that scripts/benchmark.sh
 * calls them alike; a wrong count or date stops the job before Spark starts.
 */
record JobArguments(String lakeRoot, LocalDate ingestDate, String out) {

  static JobArguments parse(String job, String[] args) {
    if (args.length != 3) {
      System.err.println("usage: " + job + " LAKE_ROOT INGEST_DATE OUT");
      System.exit(2);
    }
    return new JobArguments(args[0], LocalDate.parse(args[1]), args[2]);
  }
}
