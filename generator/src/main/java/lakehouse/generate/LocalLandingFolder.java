package lakehouse.generate;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import lakehouse.shared.io.LakeFiles.FileContent;

/**
 * A folder on local disk. Each file is written under a hidden temporary name, then renamed: a
 * reader listing the landing folder, or a generation killed half-way, never leaves a half-written
 * file under a real name.
 */
final class LocalLandingFolder implements LandingFolder {
  private static final int FILE_BUFFER_BYTES = 1 << 16;

  private final Path root;

  LocalLandingFolder(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public String root() {
    return root.toString();
  }

  @Override
  public String write(String relativePath, FileContent content) throws IOException {
    Path target = root.resolve(relativePath);
    Files.createDirectories(target.getParent());
    Path temporary = target.resolveSibling("." + target.getFileName() + ".tmp");
    try (OutputStream out =
        new BufferedOutputStream(Files.newOutputStream(temporary), FILE_BUFFER_BYTES)) {
      content.writeTo(out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temporary);
      throw e;
    }
    Files.move(
        temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target.toString();
  }
}
