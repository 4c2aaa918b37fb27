package org.fedgate.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fedgate.mapping.engine.ProfileLoader;
import org.fedgate.mapping.io.JsonSchemaCheck;
import org.fedgate.model.acr.AcrRecord;
import org.fedgate.model.error.MappingError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden canonical records match the ACR schema and the Java records of fedgate-model. */
class CanonicalModelTest {

  private static final ObjectMapper STRICT =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  static Stream<Path> goldenCanonicals() {
    List<Path> out = new ArrayList<>();
    for (String cc : List.of("TH", "KH", "ID")) {
      for (Path p : TestSupport.samples(cc)) {
        String n = p.getFileName().toString();
        out.add(
            p.getParent()
                .resolveSibling("golden")
                .resolve(n.substring(0, n.lastIndexOf('.')) + ".canonical.json"));
      }
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("goldenCanonicals")
  void goldenCanonical_validatesAgainstAcrSchema(Path golden) throws Exception {
    JsonSchemaCheck acr =
        JsonSchemaCheck.of(
            TestSupport.JSON.readTree(ProfileLoader.readText(Translator.ACR_SCHEMA)));
    acr.check(TestSupport.json(golden), MappingError.OUTPUT_INVALID);
  }

  @ParameterizedTest
  @MethodSource("goldenCanonicals")
  void goldenCanonical_readAsJavaRecordsAndWrittenBack_isUnchanged(Path golden) throws Exception {
    JsonNode tree = TestSupport.json(golden);
    AcrRecord record = STRICT.treeToValue(tree, AcrRecord.class);
    assertThat((JsonNode) STRICT.valueToTree(record)).isEqualTo(tree);
    assertThat(record.toString()).doesNotContain("names").contains(record.recordId());
  }

  @Test
  void person_toString_showsNoPersonalData() throws Exception {
    JsonNode tree =
        TestSupport.json(
            TestSupport.profileDir("TH").resolve("golden/th-01-raid-suspects.canonical.json"));
    AcrRecord record = STRICT.treeToValue(tree, AcrRecord.class);
    String all = record.persons().toString() + record.persons().get(0).names();
    assertThat(all)
        .doesNotContain("ก้องภพ")
        .doesNotContain("Kongphop")
        .doesNotContain("3100600445635");
  }

  @Test
  void acrSchema_marksIdentifyingAndFreeTextFields() throws Exception {
    JsonNode s = TestSupport.JSON.readTree(ProfileLoader.readText(Translator.ACR_SCHEMA));
    assertThat(s.at("/$defs/nameRecord/properties/full/x-fedgate-kind").asText())
        .isEqualTo("identifying");
    assertThat(s.at("/$defs/identifier/properties/value/x-fedgate-kind").asText())
        .isEqualTo("identifying");
    assertThat(s.at("/properties/case/properties/summary/x-fedgate-kind").asText())
        .isEqualTo("freeText");
  }
}
