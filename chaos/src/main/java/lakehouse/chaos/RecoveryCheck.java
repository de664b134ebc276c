package lakehouse.chaos;

import java.util.ArrayList;
import java.util.List;

/**
 * The end of every attack: what the reader saw while it ran, the guarantees on the recovered lake,
 * and the recovered lake against the clean run.
 */
public final class RecoveryCheck {
  private RecoveryCheck() {}

  public static Found after(ChaosContext context, LakeReader reader, ChaosLake attacked) {
    return after(context, reader, attacked, context.comparison());
  }

  /** The same, with a comparison of the scenario's own. */
  public static Found after(
      ChaosContext context, LakeReader reader, ChaosLake attacked, LakeComparison comparison) {
    List<Violation> violations = new ArrayList<>(reader.violations());
    violations.addAll(context.invariants().check(attacked));
    LakeComparison.Differences differences =
        comparison.compare(attacked, context.fixture().clean());
    violations.addAll(differences.violations());
    return new Found(violations, differences.rowsLost());
  }

  public record Found(List<Violation> violations, long rowsLost) {}
}
