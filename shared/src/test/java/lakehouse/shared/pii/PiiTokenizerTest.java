package lakehouse.shared.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lakehouse.shared.config.ConfigurationException;
import lakehouse.shared.config.PiiSettings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PiiTokenizerTest {

  @Test
  void tokensAreLowercaseHexHmacSha256OfTheUtf8Value() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    assertThat(PiiTokenizer.fromSecret("Jefe").token("what do ya want for nothing?"))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }

  @Test
  void sameValueAndKeyGiveTheSameTokenAndAnotherKeyAnother() {
    PiiTokenizer a = PiiTokenizer.fromSecret("key-a");
    assertThat(PiiTokenizer.fromSecret("key-a").token("10.1.2.3")).isEqualTo(a.token("10.1.2.3"));
    assertThat(PiiTokenizer.fromSecret("key-b").token("10.1.2.3"))
        .isNotEqualTo(a.token("10.1.2.3"));
    assertThat(a.token(null)).isNull();
    assertThat(a.toString()).doesNotContain("key-a");
  }

  @Test
  @DisplayName("a run without the key refuses to start unless the demo key is allowed")
  void withoutTheKeyARunRefusesUnlessDemoKeyAllowed() {
    PiiSettings production = new PiiSettings("LAKEHOUSE_PII_KEY", "");
    assertThatThrownBy(() -> PiiKeySource.tokenizer(production, Map.of(), s -> {}))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("LAKEHOUSE_PII_KEY is not set");

    List<String> warnings = new ArrayList<>();
    PiiKeySource.tokenizer(new PiiSettings("LAKEHOUSE_PII_KEY", "demo"), Map.of(), warnings::add);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0)).contains("development key");

    PiiTokenizer fromEnvironment =
        PiiKeySource.tokenizer(production, Map.of("LAKEHOUSE_PII_KEY", "s3cret"), s -> {});
    assertThat(fromEnvironment.token("x")).isEqualTo(PiiTokenizer.fromSecret("s3cret").token("x"));
  }
}
