package lakehouse.bronze;

import java.io.Serializable;

/** How many records the task that wrote a landing file's rows read from it, to its end. */
record FileRecordCount(String fingerprint, long records) implements Serializable {}
