package org.fedgate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The verifying code stays apart from the writing code: nothing in {@code verify} may use the
 * Merkle tree that makes the proofs, or the log that writes entries (a shared bug would then verify
 * itself). A source scan, because this module has no ArchUnit.
 */
class PackageBoundariesTest {

  private static final Path SRC =
      Path.of(System.getProperty("fedgate.root", "../.."))
          .resolve("modules/fedgate-audit/src/main/java/org/fedgate/audit");

  @Test
  void verifyPackage_importsNeitherTheTreeNorTheWriter() throws IOException {
    List<String> offending;
    try (Stream<Path> files = Files.list(SRC.resolve("verify"))) {
      offending =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(
                  p -> {
                    try {
                      String s = Files.readString(p);
                      return s.contains("import org.fedgate.audit.merkle")
                          || s.contains("MerkleTree")
                          || s.contains("TreeHasher")
                          || s.contains("import org.fedgate.audit.AuditLog;")
                          || s.contains("import org.fedgate.audit.ProofService;")
                          || s.contains("import org.fedgate.audit.Checkpoints;");
                    } catch (IOException e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .map(p -> p.getFileName().toString())
              .toList();
    }
    assertThat(Files.isDirectory(SRC.resolve("verify"))).isTrue();
    assertThat(offending).isEmpty();
  }
}
