package lakehouse.gold.snapshot;

import lakehouse.shared.error.LakehouseException;

/** A snapshot names a table version whose log or files cleanup has since removed. */
public final class SnapshotPastRetentionException extends LakehouseException {
  private static final long serialVersionUID = 1L;

  public SnapshotPastRetentionException(String snapshotId, String table, long version) {
    super(
        "snapshot "
            + snapshotId
            + ": "
            + table.replace('/', ' ')
            + " version "
            + version
            + " is past retention (cleanup removed it); take a new snapshot (run without"
            + " --snapshot)");
  }

  /** Data files of the snapshot's versions are gone (VACUUM), whichever table they were of. */
  public SnapshotPastRetentionException(GoldSnapshot snapshot) {
    super(
        "snapshot "
            + snapshot.snapshotId()
            + ": files of its versions "
            + snapshot.tables()
            + " are past retention (cleanup removed them); take a new snapshot (run without"
            + " --snapshot)");
  }
}
