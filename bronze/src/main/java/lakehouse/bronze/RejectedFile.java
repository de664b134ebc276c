package lakehouse.bronze;

/** A landing file rejected whole, as the run report lists it. */
public record RejectedFile(String file, RejectionReason reason, String detail) {}
