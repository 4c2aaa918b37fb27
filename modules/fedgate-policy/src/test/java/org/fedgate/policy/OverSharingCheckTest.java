package org.fedgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fedgate.model.Purpose;
import org.fedgate.model.error.FedgateException;
import org.junit.jupiter.api.Test;

class OverSharingCheckTest {

  private final OverSharingCheck check = new OverSharingCheck(Fixtures.CLOCK);
  private final Minimiser minimiser = Fixtures.minimiser();

  @Test
  void check_whatTheMinimiserSent_passesForEveryAgreementPurposeAndSample() {
    for (Object[] ap : Fixtures.agreementPurposes()) {
      Agreement a = (Agreement) ap[0];
      Purpose p = (Purpose) ap[1];
      for (String name : SampleRecords.names()) {
        JsonNode sent =
            minimiser.minimise(a, p, Fixtures.LEGAL_BASIS, Fixtures.sample(name)).record();
        assertThat(check.offendingPaths(a, p, sent)).as(a.id() + " " + p + " " + name).isEmpty();
      }
    }
  }

  @Test
  void check_rawRecord_fails3013ListingPathsButNoValues() {
    Agreement a = Fixtures.agreement("TH-CCIB.KH-AHTJP");
    FedgateException e =
        assertThrows(
            FedgateException.class,
            () -> check.check(a, Purpose.INVESTIGATION, Fixtures.sample("raid-scam-compound")));
    assertThat(e.code()).isEqualTo("FG-3013");
    assertThat(e.detail()).contains("/persons/4/names/0/full").contains("/case/summary");
    assertThat(e.detail()).doesNotContain("Sok Dara").doesNotContain("Krit");
    assertThat(
            check.offendingPaths(a, Purpose.INVESTIGATION, Fixtures.sample("raid-scam-compound")))
        .contains("/persons/5/identifiers/0/value", "/persons/6/names/0/full");
  }

  @Test
  void check_minorsNameAddedBackInClear_isOverSharing() {
    Agreement a = Fixtures.agreement("TH-CCIB.KH-AHTJP");
    ObjectNode sent =
        (ObjectNode)
            minimiser
                .minimise(
                    a,
                    Purpose.VICTIM_PROTECTION,
                    Fixtures.LEGAL_BASIS,
                    Fixtures.sample("victim-referral"))
                .record();
    ((ObjectNode) sent.at("/persons/0/names/0")).put("full", "Chan Sreymom");
    assertThat(check.offendingPaths(a, Purpose.VICTIM_PROTECTION, sent))
        .containsExactly("/persons/0/names/0/full");
  }

  @Test
  void check_exactDateWhereAgreementGeneralisesToYear_isOverSharing() {
    Agreement a = Fixtures.agreement("TH-CCIB.KH-AHTJP");
    ObjectNode sent =
        (ObjectNode)
            minimiser
                .minimise(
                    a,
                    Purpose.INTELLIGENCE,
                    Fixtures.LEGAL_BASIS,
                    Fixtures.sample("raid-scam-compound"))
                .record();
    ((ObjectNode) sent.at("/persons/0/dateOfBirth")).put("value", "1979-04-12");
    assertThat(check.offendingPaths(a, Purpose.INTELLIGENCE, sent))
        .containsExactly("/persons/0/dateOfBirth/value");
  }

  @Test
  void check_purposeNotAllowed_fails3010() {
    Agreement a = Fixtures.agreement("TH-CCIB.ID-BARESKRIM");
    FedgateException e =
        assertThrows(
            FedgateException.class,
            () -> check.check(a, Purpose.INTELLIGENCE, Fixtures.sample("money-mule-network")));
    assertThat(e.code()).isEqualTo("FG-3010");
  }
}
