package lakehouse.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lakehouse.generate.LandedEvents.LandedEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingFilesTest {
  private static final LocalDate FROM = LocalDate.of(2026, 11, 23);
  private static final long EVENTS_PER_DAY = 12_000;

  @TempDir static Path lake;
  private static GenerationSummary summary;
  private static List<LandedEvent> events;

  @BeforeAll
  static void generate() throws IOException {
    summary = new LandingGenerator().generate(lake, GeneratorSpec.of(FROM, 3, EVENTS_PER_DAY, 7));
    events = LandedEvents.of(summary);
  }

  @Test
  void dumpsLandInTheIngestDateFolderOfTheLandingZone() {
    for (GeneratedFile file : summary.files()) {
      String folder = "landing/ad_events/ingest_date=" + file.ingestDate();
      assertThat(file.lakePath())
          .as(file.lakePath())
          .startsWith(folder + "/part-")
          .endsWith(".avro");
      assertThat(file.path()).isEqualTo(lake.resolve(file.lakePath()));
      assertThat(file.path()).isRegularFile();
    }
    assertThat(summary.days().stream().map(DaySummary::ingestDate).toList())
        .containsExactly(FROM, FROM.plusDays(1), FROM.plusDays(2));
  }

  @Test
  @DisplayName(
      "every dump reads to its end with a registered schema and holds the records the summary counts")
  void everyDumpReadsWholeAndHoldsTheCountedRecords() {
    Map<GeneratedFile, Long> readPerFile =
        events.stream().collect(Collectors.groupingBy(LandedEvent::file, Collectors.counting()));
    for (GeneratedFile file : summary.files()) {
      assertThat(readPerFile.getOrDefault(file, 0L)).as(file.lakePath()).isEqualTo(file.records());
      assertThat(events)
          .filteredOn(e -> e.file().equals(file))
          .allMatch(e -> e.version() == file.schemaVersion());
    }
    for (DaySummary day : summary.days()) {
      assertThat(day.files()).hasSize(24);
      assertThat(day.files().stream().mapToLong(GeneratedFile::records).sum())
          .isEqualTo(EVENTS_PER_DAY);
      assertThat(day.records()).isEqualTo(EVENTS_PER_DAY);
    }
  }

  @Test
  void eachIngestDateMixesVersionOneAndVersionTwoDumps() {
    for (DaySummary day : summary.days()) {
      assertThat(day.filesOf(FileKind.EVENTS, 1)).as(day.describe()).isEqualTo(7);
      assertThat(day.filesOf(FileKind.EVENTS, 2)).as(day.describe()).isEqualTo(17);
    }
  }

  @Test
  @DisplayName(
      "version 1 costs are currency units, and only version 2 carries device ids and app versions")
  void eachSchemaVersionCarriesItsOwnFields() {
    List<LandedEvent> v1 = events.stream().filter(e -> e.version() == 1).toList();
    List<LandedEvent> v2 = events.stream().filter(e -> e.version() == 2).toList();
    assertThat(v1).allMatch(e -> e.deviceId() == null && e.appVersion() == null);
    assertThat(v1).anyMatch(e -> e.costMicros() != null && e.costMicros() > 0);
    assertThat(v2).filteredOn(e -> !"web".equals(e.device())).allMatch(e -> e.deviceId() != null);
    assertThat(v2).filteredOn(e -> "web".equals(e.device())).allMatch(e -> e.deviceId() == null);
    assertThat(v2).anyMatch(e -> e.appVersion() != null);
  }

  @Test
  void eventsAreMostlyImpressionsWithAFewClicksAndConversions() {
    Map<String, Long> byType =
        events.stream()
            .collect(Collectors.groupingBy(LandedEvent::eventType, Collectors.counting()));
    double total = events.size();
    assertThat(byType.get("IMPRESSION") / total).isCloseTo(0.965, within(0.01));
    assertThat(byType.get("CLICK") / total).isCloseTo(0.03, within(0.006));
    assertThat(byType.get("CONVERSION") / total).isCloseTo(0.005, within(0.002));
    assertThat(events)
        .filteredOn(e -> e.eventType().equals("CLICK"))
        .allMatch(e -> e.costMicros() >= 50_000 || e.costMicros() < 0);
    assertThat(events)
        .filteredOn(e -> e.eventType().equals("CONVERSION"))
        .allMatch(e -> e.costMicros() == null || e.costMicros() < 0);
  }

  @Test
  @DisplayName("each ad belongs to exactly one campaign, and there are fifty campaigns")
  void eachAdBelongsToOneOfFiftyCampaigns() {
    Map<String, Set<String>> campaignsOfAd = new HashMap<>();
    for (LandedEvent event : events) {
      if (!event.adId().isBlank() && !event.campaignId().isBlank()) {
        campaignsOfAd.computeIfAbsent(event.adId(), ad -> new HashSet<>()).add(event.campaignId());
      }
    }
    assertThat(campaignsOfAd.values()).allMatch(campaigns -> campaigns.size() == 1);
    assertThat(campaignsOfAd).as("ads seen: " + campaignsOfAd.size()).hasSizeGreaterThan(1000);
    Set<String> campaigns =
        campaignsOfAd.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    assertThat(campaigns).hasSize(50);
  }

  @Test
  @DisplayName(
      "users are skewed and recur across days, and the hot user and ad take at least their share")
  void usersAreSkewedAndRecurAcrossDays() {
    Map<String, Long> perUser =
        events.stream().collect(Collectors.groupingBy(LandedEvent::userId, Collectors.counting()));
    long hotUser = perUser.get(summary.hotUserId());
    long hotAd = events.stream().filter(e -> e.adId().equals(summary.hotAdId())).count();
    assertThat(hotUser).isEqualTo(summary.cases().hotUser());
    assertThat(hotAd).isEqualTo(summary.cases().hotAd());
    assertThat((double) hotUser)
        .as("hot user events " + hotUser)
        .isGreaterThanOrEqualTo(0.045 * events.size());
    assertThat((double) hotAd)
        .as("hot ad events " + hotAd)
        .isGreaterThanOrEqualTo(0.045 * events.size());

    Map<String, Set<LocalDate>> daysOfUser = new HashMap<>();
    events.forEach(
        e ->
            daysOfUser
                .computeIfAbsent(e.userId(), user -> new HashSet<>())
                .add(e.file().ingestDate()));
    long usersOnEveryDay = daysOfUser.values().stream().filter(days -> days.size() == 3).count();
    assertThat(usersOnEveryDay)
        .as(usersOnEveryDay + " of " + perUser.size() + " users every day")
        .isGreaterThan(perUser.size() / 4);
    long busiestTenth =
        perUser.values().stream()
            .sorted(java.util.Comparator.reverseOrder())
            .limit(perUser.size() / 10)
            .mapToLong(Long::longValue)
            .sum();
    assertThat((double) busiestTenth)
        .as("the busiest tenth of users hold " + busiestTenth)
        .isGreaterThan(0.4 * events.size());
  }

  @Test
  void fieldsLookLikeProductionData() {
    Pattern ipv4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    Pattern userId = Pattern.compile("u\\d{7}");
    Set<String> countries = new HashSet<>();
    for (LandedEvent event : events) {
      assertThat(event.ipAddress()).as(event.ipAddress()).matches(ipv4);
      assertThat(event.userId())
          .as(event.userId())
          .matches(id -> id.isBlank() || userId.matcher(id).matches());
      assertThat(event.device()).isIn("android", "ios", "web", "ctv");
      if (event.country() != null) {
        countries.add(event.country());
      }
    }
    assertThat(countries).contains("US", "DE").hasSizeGreaterThan(20);
    assertThat(events).anyMatch(e -> e.country() == null);
  }

  @Test
  @DisplayName(
      "regular events happened in the hour of their dump, and none in the skew tolerance of the next day")
  void regularEventsHappenedInTheHourOfTheirDump() {
    ContractClassification cases = ContractClassification.of(events);
    assertThat(cases.earlyWithinSkew).isZero();
    for (int i = 0; i < events.size(); i++) {
      LandedEvent event = events.get(i);
      if (cases.caseOfRecord.get(i).equals("regular")) {
        int dumpHour =
            Integer.parseInt(event.file().lakePath().replaceAll(".*part-(\\d+)\\.avro", "$1"));
        long hourOfDay = Math.floorMod(event.eventTime(), 86_400_000L) / 3_600_000L;
        assertThat(hourOfDay).as(event.toString()).isEqualTo(dumpHour);
      }
    }
  }

  @Test
  @DisplayName("the daily traffic curve fills evening dumps more than morning ones")
  void eveningDumpsHoldMoreThanMorningOnes() {
    DaySummary day = summary.days().get(0);
    long morning = day.files().get(8).records();
    long evening = day.files().get(20).records();
    assertThat(evening).as("08:00 " + morning + " vs 20:00 " + evening).isGreaterThan(3 * morning);
  }
}
