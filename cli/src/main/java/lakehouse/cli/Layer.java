package lakehouse.cli;

import java.util.regex.Pattern;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import lakehouse.shared.config.ConfigurationException;

/** The layers a run can do, in the order they run. */
enum Layer {
  BRONZE, SILVER, GOLD;

  private static final Pattern LIST_SEPARATOR = Pattern.compile(",");

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code --layers bronze,silver,gold}. */
  static Set<Layer> parse(String list) {
    Set<Layer> layers = EnumSet.noneOf(Layer.class);
    for (String name : LIST_SEPARATOR.split(list)) {
      try {
        layers.add(Layer.valueOf(name.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException("--layers " + list + ": unknown layer '" + name.trim()
            + "' (use bronze, silver, gold)");
      }
    }
    return layers;
  }
}
