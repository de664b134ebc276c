package lakehouse.shared.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lakehouse.shared.config.ConfigurationException;
import lakehouse.shared.config.PiiSettings;
import org.junit.jupiter.api.Test;

class PiiTokenizerTest {

  @Test
  void tokensAreLowercaseHexHmacSha256OfTheUtf8Value() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        PiiTokenizer.fromSecret("Jefe").token("what do ya want for nothing?"));
  }

  @Test
  void sameValueAndKeyGiveTheSameTokenAndAnotherKeyAnother() {
    PiiTokenizer a = PiiTokenizer.fromSecret("key-a");
    assertEquals(a.token("10.1.2.3"), PiiTokenizer.fromSecret("key-a").token("10.1.2.3"));
    assertNotEquals(a.token("10.1.2.3"), PiiTokenizer.fromSecret("key-b").token("10.1.2.3"));
    assertNull(a.token(null));
    assertFalse(a.toString().contains("key-a"));
  }

  @Test
  void aRunWithoutTheKeyRefusesToStartUnlessTheDemoKeyIsAllowed() {
    PiiSettings production = new PiiSettings("LAKEHOUSE_PII_KEY", "");
    ConfigurationException missing = assertThrows(ConfigurationException.class,
        () -> PiiKeySource.tokenizer(production, Map.of(), s -> {}));
    assertTrue(missing.getMessage().startsWith("LAKEHOUSE_PII_KEY is not set"));

    List<String> warnings = new ArrayList<>();
    PiiKeySource.tokenizer(new PiiSettings("LAKEHOUSE_PII_KEY", "demo"), Map.of(), warnings::add);
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("development key"));

    PiiTokenizer fromEnvironment = PiiKeySource.tokenizer(production, Map.of("LAKEHOUSE_PII_KEY", "s3cret"), s -> {});
    assertEquals(PiiTokenizer.fromSecret("s3cret").token("x"), fromEnvironment.token("x"));
  }
}
