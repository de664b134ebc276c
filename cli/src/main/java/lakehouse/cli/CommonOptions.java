package lakehouse.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command that works on a lake accepts. */
public final class CommonOptions {
  @Option(
      names = "--lake",
      paramLabel = "PATH",
      description =
          "Root of the lake: a local path or s3a://bucket/prefix (overrides lakehouse.root).")
  String lake;

  @Option(
      names = "--conf",
      paramLabel = "FILE",
      description = "HOCON file over the defaults in conf/application.conf.")
  Path conf;

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description = "Override one setting, e.g. --set silver.allowed-lateness-days=3. Repeatable.")
  List<String> settings = new ArrayList<>();

  @Option(
      names = "--run-id",
      paramLabel = "ID",
      description =
          "Id of this run (default: command, UTC start time and a random suffix). Give the id of a failed run to retry it.")
  String runId;
}
