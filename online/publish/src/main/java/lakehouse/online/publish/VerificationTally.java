package lakehouse.online.publish;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a verification found among some users: each user counted by outcome, each difference by
 * kind, and the first differences themselves, at most {@link #EXAMPLES} of them, so that a tally
 * stays small however many users differ. Each Spark task returns one; the driver adds them up.
 */
public final class VerificationTally implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Differences kept to be shown, per task and in all. */
  public static final int EXAMPLES = 100;

  private long usersChecked;
  private long usersMatching;
  private long usersDiffering;
  private long keysMissing;
  private long keysNewer;
  private long valuesDiffering;
  private long fieldsExtra;
  private final List<FieldDifference> examples = new ArrayList<>();

  void add(StoredHashComparison.UserComparison user) {
    usersChecked++;
    switch (user.outcome()) {
      case MATCHES -> usersMatching++;
      case DIFFERS -> usersDiffering++;
      case MISSING_KEY -> keysMissing++;
      case NEWER -> keysNewer++;
    }
    for (FieldDifference difference : user.differences()) {
      switch (difference.kind()) {
        case DIFFERENT_VALUE -> valuesDiffering++;
        case EXTRA_FIELD -> fieldsExtra++;
        case MISSING_KEY -> {}
      }
      keep(difference);
    }
  }

  /** This tally and another, added. */
  VerificationTally plus(VerificationTally other) {
    VerificationTally sum = new VerificationTally();
    for (VerificationTally part : List.of(this, other)) {
      sum.usersChecked += part.usersChecked;
      sum.usersMatching += part.usersMatching;
      sum.usersDiffering += part.usersDiffering;
      sum.keysMissing += part.keysMissing;
      sum.keysNewer += part.keysNewer;
      sum.valuesDiffering += part.valuesDiffering;
      sum.fieldsExtra += part.fieldsExtra;
      part.examples.forEach(sum::keep);
    }
    return sum;
  }

  private void keep(FieldDifference difference) {
    if (examples.size() < EXAMPLES) {
      examples.add(difference);
    }
  }

  /** Users read from the store and compared. */
  public long usersChecked() {
    return usersChecked;
  }

  public long usersMatching() {
    return usersMatching;
  }

  /** Users whose hash has at least one field that differs or is extra. */
  public long usersDiffering() {
    return usersDiffering;
  }

  public long keysMissing() {
    return keysMissing;
  }

  /** Users whose hash holds a later as_of_date, which publish keeps on purpose. */
  public long keysNewer() {
    return keysNewer;
  }

  /** Fields whose stored value differs from gold's, or is absent where gold has one. */
  public long valuesDiffering() {
    return valuesDiffering;
  }

  /** Stored fields that gold's row does not have. */
  public long fieldsExtra() {
    return fieldsExtra;
  }

  /** The first differences found, at most {@link #EXAMPLES}. */
  public List<FieldDifference> examples() {
    return List.copyOf(examples);
  }

  /** Whether the store holds exactly gold's values for every user checked. */
  public boolean passed() {
    return usersDiffering == 0 && keysMissing == 0;
  }
}
