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
import lakehouse.gold.table.GoldTable;
import lakehouse.shared.delta.DeltaCommitLog;
import lakehouse.shared.delta.DeltaPartitionWriter;
import lakehouse.shared.lake.LakeLayout;
import lakehouse.shared.tables.SilverEvents;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Event dates of a window whose silver events changed after gold last built from them: what a run
 * that failed before its promotion, or a silver run without gold, left behind. The nightly run adds
 * them to the dates its own silver changed, so that a retry, which finds nothing new in silver,
 * still finishes what the failed attempt began.
 *
 * <p>"Last built from" is the silver version that campaign_daily's lineage records for the date
 * (campaign_daily of a date reads exactly that date's events); a date with silver events but no
 * campaign_daily promotion yet is behind too. The window bounds the search the way the watermark
 * bounds silver: only dates a nightly run may change are looked at.
 */
public final class SilverChangesNotInGold {
  private SilverChangesNotInGold() {}

  public static SortedSet<LocalDate> within(
      SparkSession spark, LakeLayout lake, GoldTable campaignDaily, LocalDate from, LocalDate to) {
    SortedSet<LocalDate> behind = new TreeSet<>();
    String events = lake.silverEvents();
    if (!DeltaPartitionWriter.exists(spark, events)) {
      return behind;
    }
    String eventsName = lake.relativize(events);
    Map<String, Long> builtFrom = new HashMap<>();
    for (LineageRecord record :
        new GoldLineage(spark, lake).records(campaignDaily.name(), campaignDaily.version())) {
      Long version = record.inputVersions().get(eventsName);
      if (version != null) {
        builtFrom.merge(record.partitionKey(), version, Math::max);
      }
    }
    List<String> dates = from.datesUntil(to.plusDays(1)).map(LocalDate::toString).toList();
    List<Row> changes =
        DeltaCommitLog.fileActions(spark, events, SilverEvents.EVENT_DATE)
            .where(col(DeltaCommitLog.PARTITION).isin(dates.toArray()))
            .groupBy(DeltaCommitLog.PARTITION)
            .max(DeltaCommitLog.VERSION)
            .collectAsList();
    for (Row change : changes) {
      String date = change.getString(0);
      if (change.getLong(1) > builtFrom.getOrDefault(date, -1L)) {
        behind.add(LocalDate.parse(date));
      }
    }
    return behind;
  }
}
