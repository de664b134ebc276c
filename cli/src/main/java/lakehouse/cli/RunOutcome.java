package lakehouse.cli;

import java.util.Optional;
import lakehouse.shared.run.RunStatus;

/**
 * How a command's work ended, as its run report records it.
 *
 * @param error why it failed; empty unless it did
 */
record RunOutcome(RunStatus status, Optional<String> error) {

  static RunOutcome of(RunStatus status) {
    return new RunOutcome(status, Optional.empty());
  }

  static RunOutcome failed(String error) {
    return new RunOutcome(RunStatus.FAILED, Optional.of(error));
  }
}
