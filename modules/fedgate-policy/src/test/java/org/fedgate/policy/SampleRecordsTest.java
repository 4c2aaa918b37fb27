package org.fedgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.fedgate.model.Purpose;
import org.junit.jupiter.api.Test;

class SampleRecordsTest {

  @Test
  void samples_validateAgainstAcrSchema() {
    for (String name : SampleRecords.names()) {
      assertThat(AcrSchema.errors(Fixtures.sample(name))).as(name).isEmpty();
    }
  }

  @Test
  void minimisedOutput_validatesAgainstAcrSchema_forEveryAgreementPurposeAndSample() {
    Minimiser m = Fixtures.minimiser();
    for (Object[] ap : Fixtures.agreementPurposes()) {
      Agreement a = (Agreement) ap[0];
      Purpose p = (Purpose) ap[1];
      for (String name : SampleRecords.names()) {
        MinimisationResult r = m.minimise(a, p, Fixtures.LEGAL_BASIS, Fixtures.sample(name));
        assertThat(AcrSchema.errors(r.record())).as(a.id() + " " + p + " " + name).isEmpty();
      }
    }
  }
}
