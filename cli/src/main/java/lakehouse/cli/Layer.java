package lakehouse.cli;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import lakehouse.shared.config.ConfigurationException;

/** The layers a run can do, in the order they run. */
enum Layer {
  BRONZE,
  SILVER,
  GOLD;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code --layers bronze,silver,gold}; an empty name, even after a last comma, is refused.
   */
  static Set<Layer> parse(String list) {
    Set<Layer> layers = EnumSet.noneOf(Layer.class);
    for (String name : list.split(",", -1)) {
      try {
        layers.add(Layer.valueOf(name.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(
            "--layers "
                + list
                + ": unknown layer '"
                + name.trim()
                + "' (use bronze, silver, gold)");
      }
    }
    return layers;
  }
}
