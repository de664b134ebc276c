package lakehouse.gold.crash;

import java.io.IOException;
import java.util.Iterator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * A Delta log store that stops a JVM inside a gold promotion commit: the data files of the commit
 * are written, the commit file ({@code _delta_log/<version>.json}) is not. Configured in a child
 * JVM with {@code -Dspark.delta.logStore.file.impl=lakehouse.gold.crash.PausingLogStore}.
 */
public final class PausingLogStore extends io.delta.storage.HDFSLogStore {
  public PausingLogStore(Configuration hadoop) {
    super(hadoop);
  }

  @Override
  public void write(Path path, Iterator<String> actions, Boolean overwrite, Configuration hadoop)
      throws IOException {
    if (path.getName().matches("\\d{20}\\.json")
        && path.toString().contains("/gold/user_features/")) {
      GoldRunChild.pauseForever("commit");
    }
    super.write(path, actions, overwrite, hadoop);
  }
}
