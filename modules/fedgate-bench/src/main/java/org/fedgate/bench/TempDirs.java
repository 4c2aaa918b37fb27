package org.fedgate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Removes the stores a benchmark created in a temporary folder. A flat-out load run leaves
 * gigabytes of H2 files behind; left in place, a few runs filled the machine's disk.
 */
public final class TempDirs {

  private TempDirs() {}

  /** Deletes {@code dir} and everything below it; a missing folder is fine. */
  public static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + dir, e);
    }
  }
}
