package org.fedgate.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped sample, both directions, against its golden files in {@code golden/}: the canonical
 * record, the unmapped report, and the national document produced back from the golden canonical
 * record. Run with {@code -Dfedgate.golden.update=true} to rewrite them (then review the diff).
 */
class GoldenFilesTest {

  private static final boolean UPDATE = Boolean.getBoolean("fedgate.golden.update");

  static Stream<Arguments> samples() {
    List<Arguments> out = new ArrayList<>();
    for (String cc : TestSupport.TRANSLATOR.profileIds()) {
      for (Path p : TestSupport.samples(cc)) {
        out.add(Arguments.of(cc, p));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("samples")
  void toCanonical_sample_matchesGoldenFiles(String cc, Path sample) throws IOException {
    TranslationResult r = TestSupport.TRANSLATOR.toCanonical(cc, TestSupport.bytes(sample));
    Path golden = golden(sample, ".canonical.json");
    Path unmapped = golden(sample, ".unmapped.txt");
    String report = String.join("\n", r.unmapped()) + "\n";
    if (UPDATE) {
      Files.write(golden, TestSupport.TRANSLATOR.writeJson(r.canonical()));
      Files.writeString(unmapped, report, StandardCharsets.UTF_8);
    }
    assertThat((JsonNode) r.canonical()).isEqualTo(TestSupport.json(golden));
    assertThat(report).isEqualTo(Files.readString(unmapped, StandardCharsets.UTF_8));
    assertThat(r.canonical().at("/provenance/nationalProfile").asText())
        .isEqualTo(r.profileVersion());
    assertThat(r.canonical().at("/provenance/mappingVersion").asText())
        .isEqualTo(r.mappingVersion());
    assertThat(r.toString()).doesNotContain(r.canonical().at("/recordId").asText());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("samples")
  void fromCanonical_goldenCanonical_matchesGoldenNational(String cc, Path sample)
      throws IOException {
    JsonNode canonical = TestSupport.json(golden(sample, ".canonical.json"));
    NationalDocument d = TestSupport.TRANSLATOR.fromCanonical(cc, canonical);
    String ext = d.mediaType().endsWith("xml") ? ".national.xml" : ".national.json";
    Path golden = golden(sample, ext);
    String text = new String(d.content(), StandardCharsets.UTF_8);
    if (UPDATE) {
      Files.writeString(golden, text, StandardCharsets.UTF_8);
    }
    assertThat(text).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    assertThat(d.unmapped()).isEmpty();
  }

  /** What the gateway does: a record from one agency goes out in every other national format. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("samples")
  void fromCanonical_goldenCanonicalToEveryProfile_succeedsAndAccountsForEverything(
      String cc, Path sample) {
    JsonNode canonical = TestSupport.json(golden(sample, ".canonical.json"));
    for (String target : TestSupport.TRANSLATOR.profileIds()) {
      NationalDocument d = TestSupport.TRANSLATOR.fromCanonical(target, canonical);
      assertThat(d.content()).isNotEmpty();
      for (String path : d.unmapped()) {
        assertThat(path).startsWith("/").doesNotContain("\"");
        assertThat(canonical.at(path).isMissingNode()).as(path).isFalse();
      }
    }
  }

  private static Path golden(Path sample, String suffix) {
    String name = sample.getFileName().toString();
    String base = name.substring(0, name.lastIndexOf('.'));
    return sample.getParent().resolveSibling("golden").resolve(base + suffix);
  }
}
