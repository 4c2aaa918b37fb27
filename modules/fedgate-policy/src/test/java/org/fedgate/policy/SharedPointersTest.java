package org.fedgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.fedgate.model.Purpose;
import org.fedgate.model.policy.FieldDecision;
import org.junit.jupiter.api.Test;

/**
 * The report pointers shared between walks ({@link Pointers}) must read exactly like pointers built
 * per walk, also past the array positions the table keeps and beside fields the schema lacks.
 */
class SharedPointersTest {

  @Test
  void minimise_arrayLongerThanThePointerTable_reportsEveryLeafWithItsPointer() {
    ObjectNode in = (ObjectNode) Fixtures.sample("raid-scam-compound");
    ArrayNode events = (ArrayNode) in.get("events");
    JsonNode first = events.get(0);
    while (events.size() < Pointers.MAX_INDEX + 6) {
      events.add(first.deepCopy());
    }
    List<String> leaves = new ArrayList<>();
    leaves(in, "", leaves);

    for (int run = 0; run < 2; run++) {
      MinimisationResult r =
          Fixtures.minimiser()
              .minimise(
                  Fixtures.agreement("TH-CCIB.KH-AHTJP"),
                  Purpose.INVESTIGATION,
                  Fixtures.LEGAL_BASIS,
                  in);
      assertThat(r.report().fields())
          .extracting(FieldDecision::path)
          .containsExactlyElementsOf(leaves);
      assertThat(r.report().fields())
          .allSatisfy(
              f ->
                  assertThat(f.canonicalPath())
                      .isEqualTo(f.path().replaceAll("/[0-9]+(?=/|$)", "/*")));
      String last = "/events/" + (events.size() - 1);
      assertThat(r.report().fields()).filteredOn(f -> f.path().startsWith(last + "/")).isNotEmpty();
    }
  }

  @Test
  void minimise_sameRecordUnderTwoAgreements_eachReportNamesItsOwnRules() {
    JsonNode in = Fixtures.sample("raid-scam-compound");
    Minimiser m = Fixtures.minimiser();
    MinimisationResult a =
        m.minimise(
            Fixtures.agreement("TH-CCIB.KH-AHTJP"),
            Purpose.INVESTIGATION,
            Fixtures.LEGAL_BASIS,
            in);
    MinimisationResult b =
        m.minimise(
            Fixtures.agreement("TH-CCIB.ID-BARESKRIM"),
            Purpose.INVESTIGATION,
            Fixtures.LEGAL_BASIS,
            in);
    MinimisationResult again =
        m.minimise(
            Fixtures.agreement("TH-CCIB.KH-AHTJP"),
            Purpose.INVESTIGATION,
            Fixtures.LEGAL_BASIS,
            in);
    assertThat(again.report()).isEqualTo(a.report());
    assertThat(b.report().fields())
        .extracting(FieldDecision::path)
        .containsExactlyElementsOf(a.report().fields().stream().map(FieldDecision::path).toList());
  }

  private static void leaves(JsonNode n, String path, List<String> out) {
    if (n.isObject()) {
      n.fields().forEachRemaining(e -> leaves(e.getValue(), path + "/" + e.getKey(), out));
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        leaves(n.get(i), path + "/" + i, out);
      }
    } else {
      out.add(path);
    }
  }
}
