package lakehouse.gold.plan;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import lakehouse.gold.lineage.GoldLineage;
import lakehouse.gold.lineage.LineageRecord;
import lakehouse.gold.table.DeltaLogTail;
import lakehouse.gold.table.GoldTable;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.tables.SilverEvents;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import scala.Option;

/**
 * Event dates of a window whose silver events changed after gold last built from them: what a run
 * that failed before its promotion, or a silver run without gold, left behind. The nightly run adds
 * them to the dates its own silver changed, so that a retry, which finds nothing new in silver,
 * still finishes what the failed attempt began.
 *
 * <p>"Last built from" is the silver version that campaign_daily's lineage records for the date
 * (campaign_daily of a date reads exactly that date's events): the date is behind when a silver
 * commit after that version changed it. A date with no campaign_daily promotion yet is behind when
 * silver holds events of it. The window bounds the search the way the watermark bounds silver: only
 * dates a nightly run may change are looked at.
 *
 * <p>The cost stays the same however long the lake has lived: only the silver commits after the
 * oldest version a date of the window was built from are read (a few nights' worth, since a date is
 * built by the runs whose window holds it), and only the lineage of the window's dates.
 */
public final class SilverChangesNotInGold {
  private SilverChangesNotInGold() {}

  /**
   * The dates from {@code from} to {@code to} that gold is behind silver on.
   *
   * @param lineage the gold lineage, which the run may have read beforehand
   */
  public static SortedSet<LocalDate> within(
      SparkSession spark,
      LakeLayout lake,
      GoldLineage lineage,
      GoldTable campaignDaily,
      LocalDate from,
      LocalDate to) {
    SortedSet<LocalDate> behind = new TreeSet<>();
    String events = lake.silverEvents();
    long current = DeltaLogTail.latestVersion(spark, events);
    if (current < 0) {
      return behind;
    }
    List<String> dates = from.datesUntil(to.plusDays(1)).map(LocalDate::toString).toList();
    Map<String, Long> builtFrom = builtFrom(lineage, campaignDaily, lake.relativize(events), dates);

    if (!builtFrom.isEmpty()) {
      long oldest = builtFrom.values().stream().mapToLong(Long::longValue).min().orElseThrow();
      List<DeltaLogTail.Commit> commits =
          DeltaLogTail.commits(spark, events, SilverEvents.EVENT_DATE, oldest + 1, current);
      long firstKept = commits.isEmpty() ? current + 1 : commits.get(0).version();
      builtFrom.forEach(
          (date, version) -> {
            // Commits Delta no longer keeps cannot be looked at: a date built before them is
            // rebuilt rather than assumed unchanged.
            if (version + 1 < firstKept && version < current) {
              behind.add(LocalDate.parse(date));
            }
          });
      for (DeltaLogTail.Commit commit : commits) {
        for (String date : commit.partitionValues()) {
          Long version = builtFrom.get(date);
          if (version != null && commit.version() > version) {
            behind.add(LocalDate.parse(date));
          }
        }
      }
    }

    List<String> neverBuilt = dates.stream().filter(d -> !builtFrom.containsKey(d)).toList();
    if (!neverBuilt.isEmpty()) {
      datesWithEvents(spark, events, current, neverBuilt)
          .forEach(d -> behind.add(LocalDate.parse(d)));
    }
    return behind;
  }

  /**
   * The silver version each date's latest campaign_daily promotion read, for dates that have one.
   */
  private static Map<String, Long> builtFrom(
      GoldLineage lineage, GoldTable campaignDaily, String eventsName, List<String> dates) {
    Map<String, Long> builtFrom = new HashMap<>();
    for (LineageRecord record :
        lineage.records(campaignDaily.name(), campaignDaily.version(), dates)) {
      Long version = record.inputVersions().get(eventsName);
      if (version != null) {
        builtFrom.merge(record.partitionKey(), version, Math::max);
      }
    }
    return builtFrom;
  }

  /**
   * The dates among {@code dates} of which silver holds files at the version: read from the
   * snapshot's file list, which reading silver for the run needs anyway.
   */
  private static List<String> datesWithEvents(
      SparkSession spark, String events, long version, List<String> dates) {
    Snapshot snapshot =
        DeltaLog.forTable(spark, events).getSnapshotAt(version, Option.empty(), Option.empty());
    return snapshot
        .allFiles()
        .toDF()
        .select(col("partitionValues").getItem(SilverEvents.EVENT_DATE).as("date"))
        .where(col("date").isin(dates.toArray()))
        .distinct()
        .collectAsList()
        .stream()
        .map((Row row) -> row.getString(0))
        .toList();
  }
}
