package lakehouse.online.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import lakehouse.online.client.FeatureHash;
import lakehouse.online.publish.StoredHashComparison.Outcome;
import lakehouse.online.publish.StoredHashComparison.UserComparison;
import org.junit.jupiter.api.Test;

/** One user's stored hash against the hash gold's row gives, field by field. */
class StoredHashComparisonTest {
  private static final FeatureHash GOLD =
      FeatureHash.of(
          "u1", Map.of("as_of_date", "2026-11-20", "feature_version", "v1", "clicks_7d", 4L));

  @Test
  void theSameFieldsMatch() {
    UserComparison same = StoredHashComparison.compare("u1", GOLD, GOLD.fields());

    assertThat(same.outcome()).isEqualTo(Outcome.MATCHES);
    assertThat(same.differences()).isEmpty();
  }

  @Test
  void aValueThatDiffersIsNamedWithBothValues() {
    UserComparison differs =
        StoredHashComparison.compare(
            "u1",
            GOLD,
            Map.of("as_of_date", "2026-11-20", "feature_version", "v1", "clicks_7d", "5"));

    assertThat(differs.outcome()).isEqualTo(Outcome.DIFFERS);
    assertThat(differs.differences())
        .containsExactly(
            new FieldDifference("u1", FieldDifference.Kind.DIFFERENT_VALUE, "clicks_7d", "4", "5"));
  }

  @Test
  void aMissingFieldDiffersAndAnExtraFieldIsNamed() {
    UserComparison differs =
        StoredHashComparison.compare(
            "u1", GOLD, Map.of("as_of_date", "2026-11-20", "feature_version", "v1", "old", "x"));

    assertThat(differs.outcome()).isEqualTo(Outcome.DIFFERS);
    assertThat(differs.differences())
        .containsExactlyInAnyOrder(
            new FieldDifference("u1", FieldDifference.Kind.DIFFERENT_VALUE, "clicks_7d", "4", null),
            new FieldDifference("u1", FieldDifference.Kind.EXTRA_FIELD, "old", null, "x"));
  }

  @Test
  void noHashIsAMissingKey() {
    assertThat(StoredHashComparison.compare("u1", GOLD, Map.of()).outcome())
        .isEqualTo(Outcome.MISSING_KEY);
    assertThat(StoredHashComparison.compare("u1", GOLD, null).outcome())
        .isEqualTo(Outcome.MISSING_KEY);
  }

  @Test
  void aLaterDateThatPublishKeptIsNoDifference() {
    UserComparison newer =
        StoredHashComparison.compare("u1", GOLD, Map.of("as_of_date", "2026-11-21"));

    assertThat(newer.outcome()).isEqualTo(Outcome.NEWER);
    assertThat(newer.differences()).isEmpty();
  }
}
