package lakehouse.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lakehouse.gold.training.TrainingSetUsageException;

/**
 * {@code --max-age Nd}: how old, in whole days before an example's date, features may be. Days,
 * because features are daily; at least one, since the newest usable features are the day before's.
 */
record MaxAge(int days) {
  static final String OPTION = "--max-age";
  static final String DEFAULT = "7d";
  private static final Pattern DAYS = Pattern.compile("([1-9][0-9]{0,4})d");

  static MaxAge parse(String text) {
    Matcher matcher = DAYS.matcher(text.trim());
    if (!matcher.matches()) {
      throw new TrainingSetUsageException(
          OPTION + " " + text + ": expected a number of days of at least 1, such as 7d");
    }
    return new MaxAge(Integer.parseInt(matcher.group(1)));
  }

  @Override
  public String toString() {
    return days + "d";
  }
}
