package lakehouse.gold.snapshot;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses, for each gold table, the newest version such that no run is half seen: every run with a
 * promotion visible in one table has its promotions to all the tables it intended visible too.
 *
 * <p>A run promotes its tables in order, so when it committed to a table, it had already committed
 * to (or had nothing for) the tables before it in its list; a missing commit to a table after it
 * means the run failed there or is still on its way. Such a run is held back: each table is read at
 * the version before that run's commit. A run that failed never completes, so it stops holding
 * tables back once a later run completed all its tables in the same table after it: the next run
 * redoes what a failed run left (gold rebuilds silver changes not yet in gold), so by then the
 * tables agree again. The same exception lets through a run still promoting while a concurrent run
 * (a backfill beside a nightly run) completed after it; the window is one promotion long.
 */
public final class SnapshotRule {
  private SnapshotRule() {}

  /**
   * The version of each table to read.
   *
   * @param latest each table's latest version, as {@code <name>/<version>}
   * @param commits the gold promotion commits of those tables, any order
   */
  public static Map<String, Long> choose(Map<String, Long> latest, List<RunCommit> commits) {
    Map<String, Map<String, Long>> lastCommitByRun = new HashMap<>();
    for (RunCommit commit : commits) {
      lastCommitByRun
          .computeIfAbsent(commit.runId(), run -> new HashMap<>())
          .merge(commit.table(), commit.version(), Math::max);
    }
    List<RunCommit> newestFirst =
        commits.stream().sorted(Comparator.comparingLong(RunCommit::version).reversed()).toList();
    Map<String, Long> chosen = new TreeMap<>(latest);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (RunCommit commit : newestFirst) {
        Long version = chosen.get(commit.table());
        if (version == null || commit.version() > version) {
          continue;
        }
        if (!complete(commit, chosen, lastCommitByRun)
            && !followedByCompleteRun(commit, chosen, newestFirst, lastCommitByRun)) {
          chosen.put(commit.table(), commit.version() - 1);
          changed = true;
        }
      }
    }
    return chosen;
  }

  /** Whether the run's promotions to the other tables it intended are visible at the versions. */
  private static boolean complete(
      RunCommit commit, Map<String, Long> chosen, Map<String, Map<String, Long>> lastCommitByRun) {
    List<String> intended = commit.intended();
    int position = intended.indexOf(commit.table());
    Map<String, Long> runCommits = lastCommitByRun.getOrDefault(commit.runId(), Map.of());
    for (int i = 0; i < intended.size(); i++) {
      String other = intended.get(i);
      Long visible = chosen.get(other);
      if (other.equals(commit.table()) || visible == null) {
        continue; // a table outside the snapshot (another feature version) constrains nothing
      }
      Long committed = runCommits.get(other);
      if (committed == null ? i > position : committed > visible) {
        return false;
      }
    }
    return true;
  }

  private static boolean followedByCompleteRun(
      RunCommit commit,
      Map<String, Long> chosen,
      List<RunCommit> newestFirst,
      Map<String, Map<String, Long>> lastCommitByRun) {
    long visible = chosen.get(commit.table());
    return newestFirst.stream()
        .anyMatch(
            later ->
                later.table().equals(commit.table())
                    && later.version() > commit.version()
                    && later.version() <= visible
                    && !later.runId().equals(commit.runId())
                    && complete(later, chosen, lastCommitByRun));
  }
}
