/**
 * The gold layer: model-ready tables built from silver, written only through staging and promotion.
 *
 * <p>What a run guarantees, in plain words (the code in {@code staging} and {@code promotion} keeps
 * these):
 *
 * <ol>
 *   <li><b>Plan.</b> The run for ingest date D rebuilds {@code campaign_daily} for every event date
 *       it changed, and {@code user_features} for every as-of date from a changed date up to D
 *       whose 7-day window contains it, plus D itself; never an as-of date after D ({@code
 *       plan.GoldPlanner}).
 *   <li><b>Staging.</b> Each partition is written as Parquet under {@code
 *       _staging/<table>/<version>/partition_key=<value>/run_id=<run id>/}, owned by that run
 *       alone. A table's partitions are written by one Spark write into the run's own {@code
 *       _writing/run_id=<run id>} folder, then each is moved to its staging folder.
 *   <li><b>Checks.</b> Every staged partition of both tables is checked as written before anything
 *       is promoted: schema, NOT NULL, partition key, row count and file count from the footers of
 *       every staged file, key uniqueness from the staged keys; a failure names the table,
 *       partition, run and check, and no table moves.
 *   <li><b>Promotion.</b> A run's partitions of one table are replaced in one Delta commit
 *       (replaceWhere over exactly those partition values; the first promotion creates the table
 *       with its declared schema in that commit). The commit's userMetadata names the run, its
 *       start, the partitions and the silver versions read, atomically with the data.
 *   <li><b>Retries and order.</b> A partition that already holds the run's output is not written
 *       again (no new version). A partition held by a run that started later (first start, recorded
 *       in {@code gold/_runs/}) is kept: the older run is reported superseded. A backfill is a new
 *       run, so it is newer than the nightly run before it and its output is promoted.
 *   <li><b>Concurrency.</b> On a local lake, decision and commit happen under an OS file lock
 *       ({@code _locks/<table>-<version>.lock}); the other run waits, then decides against the new
 *       table. On an object store or HDFS there is no file lock (other machines would not see it):
 *       the lake's writer lease keeps other applications out, Delta's conflict detection keeps
 *       every commit whole and conflicts are retried.
 *   <li><b>Crashes.</b> A run that dies before its commit leaves the table as it was; one that dies
 *       after the commit but before lineage is recognised by its retry from the commit's metadata.
 *       A commit whose write failed is looked up in the table's log: found, it counts as promoted;
 *       absent, the table was left unchanged; if the log cannot be read either, the run fails
 *       saying it cannot tell ({@code promotion.CommitStateUnknownException}), keeps its staging,
 *       and its retry resolves it. Staging is removed after promotion; staging of dead runs past
 *       the retention is removed at the start of the next run or by {@code cleanup}.
 *   <li><b>Lineage.</b> {@code gold/_lineage} (Delta) holds, per promoted partition, the run, its
 *       start, the promotion time, the gold Delta version and the Delta versions of the silver
 *       tables read.
 *   <li><b>File sizes.</b> A partition is written as ceil(rows / max-rows-per-file) files, at least
 *       one.
 * </ol>
 */
package lakehouse.gold;
