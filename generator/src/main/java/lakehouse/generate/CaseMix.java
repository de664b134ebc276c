package lakehouse.generate;

import java.util.SplittableRandom;

/** Picks each record's case with the probabilities of the rates, from one uniform draw. */
final class CaseMix {
  private final double invalidBelow;
  private final double futureBelow;
  private final double tooLateBelow;
  private final double lateBelow;
  private final double duplicateBelow;

  CaseMix(GeneratorRates rates) {
    invalidBelow = rates.invalidShare();
    futureBelow = invalidBelow + rates.futureShare();
    tooLateBelow = futureBelow + rates.tooLateShare();
    lateBelow = tooLateBelow + rates.lateShare();
    duplicateBelow = lateBelow + rates.duplicateShare();
  }

  EventCase pick(SplittableRandom random) {
    double u = random.nextDouble();
    if (u >= duplicateBelow) {
      return EventCase.REGULAR;
    }
    if (u < invalidBelow) {
      return EventCase.INVALID;
    }
    if (u < futureBelow) {
      return EventCase.FUTURE;
    }
    if (u < tooLateBelow) {
      return EventCase.TOO_LATE;
    }
    return u < lateBelow ? EventCase.LATE : EventCase.DUPLICATE;
  }
}
