package lakehouse.online.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WritePaceTest {
  @Test
  void keysFollowTheLimit() throws InterruptedException {
    WritePace pace = new WritePace(1_000);

    long started = System.nanoTime();
    for (int key = 0; key < 301; key++) {
      pace.awaitTurn();
    }

    // The 301st key is due 300 ms after the first.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(290));
  }

  @Test
  void noLimitNeverWaits() throws InterruptedException {
    WritePace pace = new WritePace(0);

    long started = System.nanoTime();
    for (int key = 0; key < 100_000; key++) {
      pace.awaitTurn();
    }

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aTaskThatFellBehindDoesNotBurstToCatchUp() throws InterruptedException {
    WritePace pace = new WritePace(1_000);
    pace.awaitTurn();
    Thread.sleep(1_000);

    long started = System.nanoTime();
    for (int key = 0; key < 301; key++) {
      pace.awaitTurn();
    }

    // A second behind, it may write at most 100 ms worth early: 301 keys take 200 ms at least.
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(190));
  }

  @Test
  void aNegativeLimitIsRefused() {
    assertThatThrownBy(() -> new WritePace(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
