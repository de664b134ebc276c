package lakehouse.silver.dedup;

import static lakehouse.silver.TestEvent.DAY;
import static lakehouse.silver.TestEvent.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import lakehouse.shared.tables.BronzeEvents;
import lakehouse.shared.testing.TestSpark;
import lakehouse.silver.TestEvent;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventDeduplicationTest {
  private final SparkSession spark = TestSpark.session();

  /** Outcome of each candidate, keyed "file#position" (file name without its folder). */
  private Map<String, String> classify(TestEvent[] inSilver, TestEvent... candidates) {
    return classify(Set.of(), inSilver, candidates);
  }

  private Map<String, String> classify(
      Set<String> completedFiles, TestEvent[] inSilver, TestEvent... candidates) {
    Dataset<Row> accepted =
        TestEvent.bronze(spark, inSilver)
            .select(BronzeEvents.EVENT_ID, BronzeEvents.INGEST_DATE, BronzeEvents.SOURCE_FILE);
    Map<String, String> outcomes = new TreeMap<>();
    for (Row row :
        EventDeduplication.classify(TestEvent.bronze(spark, candidates), accepted, completedFiles)
            .select(
                BronzeEvents.SOURCE_FILE, BronzeEvents.SOURCE_POSITION, EventDeduplication.OUTCOME)
            .collectAsList()) {
      String file = row.getString(0).substring(row.getString(0).lastIndexOf('/') + 1);
      outcomes.put(file + "#" + row.getLong(1), row.getString(2));
    }
    return outcomes;
  }

  private static TestEvent[] none() {
    return new TestEvent[0];
  }

  @Test
  void theFirstCopyInAFileIsKeptAndLaterCopiesAreDuplicates() {
    assertThat(
            classify(
                none(),
                event(1).from("part-00.avro", 7),
                event(1).from("part-00.avro", 3),
                event(2).from("part-00.avro", 9)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "part-00.avro#3", "NEW", "part-00.avro#7", "DUPLICATE", "part-00.avro#9", "NEW"));
  }

  @Test
  void acrossFilesOfADayTheCopyOfTheLowerFilePathIsKept() {
    assertThat(classify(none(), event(1).from("part-01.avro", 0), event(1).from("part-00.avro", 5)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("part-00.avro#5", "NEW", "part-01.avro#0", "DUPLICATE"));
  }

  @Test
  void aCopyOfAnEventSilverHoldsIsADuplicate() {
    TestEvent acceptedYesterday = event(1).ingestedOn(DAY.minusDays(1));

    assertThat(
            classify(
                new TestEvent[] {acceptedYesterday},
                event(1).from("part-00.avro", 4),
                event(1).from("part-01.avro", 0)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("part-00.avro#4", "DUPLICATE", "part-01.avro#0", "DUPLICATE"));
  }

  @Test
  @DisplayName(
      "the very copy silver holds from this input is recognised, and its other copies stay duplicates")
  void copySilverHoldsIsRecognisedAndOthersStayDuplicates() {
    TestEvent inSilver = event(1).from("part-01.avro", 2);

    assertThat(
            classify(
                new TestEvent[] {inSilver},
                event(1).from("part-00.avro", 0),
                event(1).from("part-01.avro", 2),
                event(1).from("part-01.avro", 6),
                event(2).from("part-02.avro", 1)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "part-00.avro#0",
                "DUPLICATE",
                "part-01.avro#2",
                "ALREADY_ACCEPTED",
                "part-01.avro#6",
                "DUPLICATE",
                "part-02.avro#1",
                "NEW"));
  }

  @Test
  @DisplayName(
      "a file delivered again under the same name after its first delivery was processed only holds duplicates")
  void redeliveredFileHoldsOnlyDuplicates() {
    TestEvent fromFirstDelivery = event(1).from("part-01.avro", 2);

    assertThat(
            classify(
                Set.of(fromFirstDelivery.sourceFile()),
                new TestEvent[] {fromFirstDelivery},
                event(1).from("part-01.avro", 2)))
        .containsExactlyInAnyOrderEntriesOf(Map.of("part-01.avro#2", "DUPLICATE"));
  }
}
