package org.fedgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fedgate.model.Purpose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: the minimised raid record and its report for every shipped agreement and purpose.
 * Regenerate after a deliberate change with {@code -Dfedgate.golden.update=true} and review the
 * diff like code.
 */
class GoldenFilesTest {

  private static final Path DIR = Path.of("src/test/resources/golden");
  private static final List<String> RECORDS = List.of("raid-scam-compound", "victim-referral");

  static Stream<Arguments> cases() {
    return Fixtures.agreementPurposes().stream()
        .flatMap(ap -> RECORDS.stream().map(r -> Arguments.of(ap[0], ap[1], r)));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("cases")
  void minimise_shippedAgreementAndPurpose_matchesGoldenFile(Agreement a, Purpose p, String record)
      throws IOException {
    MinimisationResult r =
        Fixtures.minimiser().minimise(a, p, Fixtures.LEGAL_BASIS, Fixtures.sample(record));
    ObjectNode actual = Fixtures.JSON.createObjectNode();
    actual.put("agreement", a.id() + " v" + a.version());
    actual.put("purpose", p.name());
    actual.set("record", r.record());
    ArrayNode report = actual.putArray("report");
    r.report().fields().forEach(f -> report.add(f.path() + " " + f.action() + " " + f.ruleId()));
    Path file = DIR.resolve(a.id()).resolve(p.name() + "." + record + ".json");
    if (Boolean.getBoolean("fedgate.golden.update")) {
      Files.createDirectories(file.getParent());
      Files.write(file, Fixtures.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(actual));
    }
    assertThat(file).as("golden file (run with -Dfedgate.golden.update=true)").exists();
    JsonNode expected = Fixtures.JSON.readTree(file.toFile());
    assertThat(actual).isEqualTo(expected);
  }
}
