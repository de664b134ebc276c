package lakehouse.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
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
      assertTrue(
          file.lakePath().startsWith(folder + "/part-") && file.lakePath().endsWith(".avro"),
          file.lakePath());
      assertEquals(lake.resolve(file.lakePath()), file.path());
      assertTrue(Files.isRegularFile(file.path()));
    }
    assertEquals(
        List.of(FROM, FROM.plusDays(1), FROM.plusDays(2)),
        summary.days().stream().map(DaySummary::ingestDate).toList());
  }

  @Test
  @DisplayName(
      "every dump reads to its end with a registered schema and holds the records the summary counts")
  void everyDumpReadsWholeAndHoldsTheCountedRecords() {
    Map<GeneratedFile, Long> readPerFile =
        events.stream().collect(Collectors.groupingBy(LandedEvent::file, Collectors.counting()));
    for (GeneratedFile file : summary.files()) {
      assertEquals(file.records(), readPerFile.getOrDefault(file, 0L), file.lakePath());
      assertTrue(
          events.stream()
              .filter(e -> e.file().equals(file))
              .allMatch(e -> e.version() == file.schemaVersion()));
    }
    for (DaySummary day : summary.days()) {
      assertEquals(24, day.files().size());
      assertEquals(EVENTS_PER_DAY, day.files().stream().mapToLong(GeneratedFile::records).sum());
      assertEquals(EVENTS_PER_DAY, day.records());
    }
  }

  @Test
  void eachIngestDateMixesVersionOneAndVersionTwoDumps() {
    for (DaySummary day : summary.days()) {
      assertEquals(7, day.filesOf(FileKind.EVENTS, 1), day.describe());
      assertEquals(17, day.filesOf(FileKind.EVENTS, 2), day.describe());
    }
  }

  @Test
  @DisplayName(
      "version 1 costs are currency units, and only version 2 carries device ids and app versions")
  void eachSchemaVersionCarriesItsOwnFields() {
    List<LandedEvent> v1 = events.stream().filter(e -> e.version() == 1).toList();
    List<LandedEvent> v2 = events.stream().filter(e -> e.version() == 2).toList();
    assertTrue(v1.stream().allMatch(e -> e.deviceId() == null && e.appVersion() == null));
    assertTrue(v1.stream().anyMatch(e -> e.costMicros() != null && e.costMicros() > 0));
    assertTrue(
        v2.stream().filter(e -> !"web".equals(e.device())).allMatch(e -> e.deviceId() != null));
    assertTrue(
        v2.stream().filter(e -> "web".equals(e.device())).allMatch(e -> e.deviceId() == null));
    assertTrue(v2.stream().anyMatch(e -> e.appVersion() != null));
  }

  @Test
  void eventsAreMostlyImpressionsWithAFewClicksAndConversions() {
    Map<String, Long> byType =
        events.stream()
            .collect(Collectors.groupingBy(LandedEvent::eventType, Collectors.counting()));
    double total = events.size();
    assertEquals(0.965, byType.get("IMPRESSION") / total, 0.01);
    assertEquals(0.03, byType.get("CLICK") / total, 0.006);
    assertEquals(0.005, byType.get("CONVERSION") / total, 0.002);
    assertTrue(
        events.stream()
            .filter(e -> e.eventType().equals("CLICK"))
            .allMatch(e -> e.costMicros() >= 50_000 || e.costMicros() < 0));
    assertTrue(
        events.stream()
            .filter(e -> e.eventType().equals("CONVERSION"))
            .allMatch(e -> e.costMicros() == null || e.costMicros() < 0));
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
    assertTrue(campaignsOfAd.values().stream().allMatch(campaigns -> campaigns.size() == 1));
    assertTrue(campaignsOfAd.size() > 1000, "ads seen: " + campaignsOfAd.size());
    Set<String> campaigns =
        campaignsOfAd.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    assertEquals(50, campaigns.size());
  }

  @Test
  @DisplayName(
      "users are skewed and recur across days, and the hot user and ad take at least their share")
  void usersAreSkewedAndRecurAcrossDays() {
    Map<String, Long> perUser =
        events.stream().collect(Collectors.groupingBy(LandedEvent::userId, Collectors.counting()));
    long hotUser = perUser.get(summary.hotUserId());
    long hotAd = events.stream().filter(e -> e.adId().equals(summary.hotAdId())).count();
    assertEquals(summary.cases().hotUser(), hotUser);
    assertEquals(summary.cases().hotAd(), hotAd);
    assertTrue(hotUser >= 0.045 * events.size(), "hot user events " + hotUser);
    assertTrue(hotAd >= 0.045 * events.size(), "hot ad events " + hotAd);

    Map<String, Set<LocalDate>> daysOfUser = new HashMap<>();
    events.forEach(
        e ->
            daysOfUser
                .computeIfAbsent(e.userId(), user -> new HashSet<>())
                .add(e.file().ingestDate()));
    long usersOnEveryDay = daysOfUser.values().stream().filter(days -> days.size() == 3).count();
    assertTrue(
        usersOnEveryDay > perUser.size() / 4,
        usersOnEveryDay + " of " + perUser.size() + " users every day");
    long busiestTenth =
        perUser.values().stream()
            .sorted(java.util.Comparator.reverseOrder())
            .limit(perUser.size() / 10)
            .mapToLong(Long::longValue)
            .sum();
    assertTrue(
        busiestTenth > 0.4 * events.size(), "the busiest tenth of users hold " + busiestTenth);
  }

  @Test
  void fieldsLookLikeProductionData() {
    Pattern ipv4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    Pattern userId = Pattern.compile("u\\d{7}");
    Set<String> countries = new HashSet<>();
    for (LandedEvent event : events) {
      assertTrue(ipv4.matcher(event.ipAddress()).matches(), event.ipAddress());
      assertTrue(
          event.userId().isBlank() || userId.matcher(event.userId()).matches(), event.userId());
      assertTrue(Set.of("android", "ios", "web", "ctv").contains(event.device()));
      if (event.country() != null) {
        countries.add(event.country());
      }
    }
    assertTrue(countries.contains("US") && countries.contains("DE") && countries.size() > 20);
    assertTrue(events.stream().anyMatch(e -> e.country() == null));
  }

  @Test
  @DisplayName(
      "regular events happened in the hour of their dump, and none in the skew tolerance of the next day")
  void regularEventsHappenedInTheHourOfTheirDump() {
    ContractClassification cases = ContractClassification.of(events);
    assertEquals(0, cases.earlyWithinSkew);
    for (int i = 0; i < events.size(); i++) {
      LandedEvent event = events.get(i);
      if (cases.caseOfRecord.get(i).equals("regular")) {
        int dumpHour =
            Integer.parseInt(event.file().lakePath().replaceAll(".*part-(\\d+)\\.avro", "$1"));
        long hourOfDay = Math.floorMod(event.eventTime(), 86_400_000L) / 3_600_000L;
        assertEquals(dumpHour, hourOfDay, event.toString());
      }
    }
  }

  @Test
  @DisplayName("the daily traffic curve fills evening dumps more than morning ones")
  void eveningDumpsHoldMoreThanMorningOnes() {
    DaySummary day = summary.days().get(0);
    long morning = day.files().get(8).records();
    long evening = day.files().get(20).records();
    assertTrue(evening > 3 * morning, "08:00 " + morning + " vs 20:00 " + evening);
  }
}
