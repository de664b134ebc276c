package lakehouse.shared.run;

/** Versions of the lakehouse and of the engines a run used, for its report. */
public record Versions(String lakehouse, String spark, String delta, String java) {

  public static Versions current(String sparkVersion) {
    return new Versions(
        orUnknown(Versions.class.getPackage().getImplementationVersion()),
        sparkVersion,
        orUnknown(io.delta.tables.DeltaTable.class.getPackage().getImplementationVersion()),
        System.getProperty("java.version"));
  }

  private static String orUnknown(String version) {
    return version == null ? "development" : version;
  }
}
