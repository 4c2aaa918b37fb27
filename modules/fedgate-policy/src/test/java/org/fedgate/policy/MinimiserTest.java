package org.fedgate.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fedgate.model.Purpose;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.policy.FieldAction;
import org.fedgate.model.policy.FieldDecision;
import org.fedgate.model.policy.MinimisationReport;
import org.junit.jupiter.api.Test;

class MinimiserTest {

  private static final String RAID = "raid-scam-compound";
  private final Minimiser minimiser = Fixtures.minimiser();

  private MinimisationResult run(String agreement, Purpose p, String record) {
    return minimiser.minimise(
        Fixtures.agreement(agreement), p, Fixtures.LEGAL_BASIS, Fixtures.sample(record));
  }

  private List<MinimisationResult> everywhere(String record) {
    List<MinimisationResult> out = new ArrayList<>();
    for (Object[] ap : Fixtures.agreementPurposes()) {
      out.add(
          minimiser.minimise(
              (Agreement) ap[0], (Purpose) ap[1], Fixtures.LEGAL_BASIS, Fixtures.sample(record)));
    }
    return out;
  }

  private static String text(MinimisationResult r) {
    return String.join("\n", Fixtures.strings(r.record()));
  }

  // ------------------------------------------------------------- victim protection

  @Test
  void minimise_minorVictim_identityNeverInClearUnderAnyAgreementOrPurpose() {
    for (MinimisationResult r : everywhere(RAID)) {
      assertThat(text(r))
          .as(r.report().agreementId() + " " + r.report().purpose())
          .doesNotContain("Sok Dara", "សុខ ដារ៉ា", "Dara", "110482934", "555 0391", "855125550391")
          .doesNotContain("2010-02-14", "Trapeang Veng", "N02948127");
    }
  }

  @Test
  void minimise_victimOfUnknownAge_isPresumedMinor() {
    for (MinimisationResult r : everywhere(RAID)) {
      assertThat(text(r)).doesNotContain("Joy Ann", "Dimaculangan", "5739264810375521", "555 0682");
    }
    MinimisationResult vid = run("TH-CCIB.KH-AHTJP", Purpose.VICTIM_IDENTIFICATION, RAID);
    assertThat(vid.record().at("/persons/5/minorStatus").asText()).isEqualTo("PRESUMED_MINOR");
  }

  @Test
  void minimise_adultVictim_namedForIdentificationButNotForInvestigation() {
    assertThat(text(run("TH-CCIB.KH-AHTJP", Purpose.VICTIM_IDENTIFICATION, RAID)))
        .contains("Siti Rahmawati Lestari");
    assertThat(text(run("TH-CCIB.KH-AHTJP", Purpose.INVESTIGATION, RAID)))
        .doesNotContain("Siti Rahmawati Lestari", "Rahmawati");
  }

  @Test
  void minimise_nonDisclosureVictim_noIdentifyingFieldInClear() {
    for (MinimisationResult r : everywhere(RAID)) {
      assertThat(text(r))
          .doesNotContain("Anan Srisawang", "Srisawang", "3570500123453", "555 0733");
      assertThat(text(r)).doesNotContain("1990-11-02");
    }
    MinimisationResult pros = run("TH-CCIB.KH-AHTJP", Purpose.PROSECUTION, RAID);
    assertThat(pros.report().fields())
        .filteredOn(f -> f.path().equals("/persons/6/names/0/full"))
        .extracting(FieldDecision::action, FieldDecision::ruleId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(FieldAction.WITHHOLD, "VP-NON-DISCLOSURE"));
  }

  @Test
  void minimise_victimProtection_pseudonymisesMinorsOnlyWhereExplicitlyAllowed() {
    MinimisationResult vp = run("TH-CCIB.KH-AHTJP", Purpose.VICTIM_PROTECTION, "victim-referral");
    JsonNode name = vp.record().at("/persons/0/names/0/full");
    assertThat(PseudonymKey.isToken(name.asText())).isTrue();
    assertThat(vp.record().at("/persons/0/contacts/0/value").asText()).isEqualTo("+855");
    assertThat(text(vp)).doesNotContain("Sreymom", "020391847", "Battambang");
    // the same minor under VICTIM_IDENTIFICATION: withheld, never pseudonymised
    MinimisationResult vid =
        run("TH-CCIB.KH-AHTJP", Purpose.VICTIM_IDENTIFICATION, "victim-referral");
    assertThat(vid.record().at("/persons/0/names").isMissingNode()).isTrue();
    assertThat(vid.report().fields())
        .filteredOn(f -> f.path().equals("/persons/0/names/0/full"))
        .extracting(FieldDecision::ruleId)
        .containsExactly("VP-MINOR");
  }

  @Test
  void minimise_freeText_withheldUnlessARuleNamesIt_andThenOnlyWithoutProtectedNames() {
    MinimisationResult inv = run("TH-CCIB.KH-AHTJP", Purpose.INVESTIGATION, RAID);
    assertThat(inv.record().at("/case/summary").isMissingNode()).isTrue();
    assertThat(decision(inv, "/case/summary").ruleId()).isEqualTo("VP-FREE-TEXT");
    assertThat(decision(inv, "/persons/0/notes").action()).isEqualTo(FieldAction.WITHHOLD);
    assertThat(decision(inv, "/events/0/description").action()).isEqualTo(FieldAction.WITHHOLD);
    // PROSECUTION names /case/summary, but this summary mentions the minor's given name
    MinimisationResult pros = run("TH-CCIB.KH-AHTJP", Purpose.PROSECUTION, RAID);
    assertThat(decision(pros, "/case/summary").ruleId()).isEqualTo("VP-VALUE-MATCH");
    MinimisationResult mule = run("TH-CCIB.KH-AHTJP", Purpose.PROSECUTION, "money-mule-network");
    assertThat(decision(mule, "/case/summary"))
        .extracting(FieldDecision::action, FieldDecision::ruleId)
        .containsExactly(FieldAction.RELEASE, "CASE-SUMMARY");
  }

  @Test
  void minimise_philippinePsn_neverLeavesUnderAnyAgreement() {
    for (MinimisationResult r : everywhere(RAID)) {
      assertThat(text(r)).doesNotContain("482736105928").doesNotContain("PH_PSN");
      assertThat(r.report().fields())
          .filteredOn(f -> f.path().startsWith("/persons/5/identifiers/0/"))
          .allSatisfy(f -> assertThat(f.ruleId()).isEqualTo("VP-PSN"));
    }
  }

  @Test
  void minimise_psnCopiedIntoAnotherField_isWithheldToo() {
    ObjectNode rec = (ObjectNode) Fixtures.sample(RAID);
    ((ObjectNode) rec.at("/financialAccounts/0")).put("identifier", "4827-3610-5928");
    MinimisationResult r =
        minimiser.minimise(
            Fixtures.agreement("TH-CCIB.KH-AHTJP"),
            Purpose.INVESTIGATION,
            Fixtures.LEGAL_BASIS,
            rec);
    assertThat(text(r)).doesNotContain("4827-3610-5928");
    assertThat(decision(r, "/financialAccounts/0/identifier").ruleId()).isEqualTo("VP-PSN");
  }

  @Test
  void minimise_twelveDigitPhilippineNumberUnderAnotherScheme_isTreatedAsPsn() {
    ObjectNode rec = (ObjectNode) Fixtures.sample("money-mule-network");
    ObjectNode id = ((ObjectNode) rec.at("/persons/0")).withArray("identifiers").addObject();
    id.put("scheme", "OTHER").put("issuingCountry", "PH").put("value", "1234-5678-9012");
    ObjectNode doc = rec.withArray("documents").addObject();
    doc.put("id", "D9").put("kind", "NATIONAL_ID_CARD").put("issuingCountry", "PH");
    doc.put("number", "123456789012");
    MinimisationResult r =
        minimiser.minimise(
            Fixtures.agreement("TH-CCIB.KH-AHTJP"),
            Purpose.INVESTIGATION,
            Fixtures.LEGAL_BASIS,
            rec);
    assertThat(decision(r, "/persons/0/identifiers/1/value").ruleId()).isEqualTo("VP-PSN");
    assertThat(decision(r, "/documents/0/number").ruleId()).isEqualTo("VP-PSN");
    assertThat(text(r)).doesNotContain("1234-5678-9012", "123456789012");
  }

  @Test
  void minimise_accountsPhonesDocumentsOfProtectedVictim_areNotReleasedInClear() {
    MinimisationResult inv = run("TH-CCIB.KH-AHTJP", Purpose.INVESTIGATION, RAID);
    // F3 is the minor's e-wallet, C4 her phone, D2 her passport
    assertThat(decision(inv, "/financialAccounts/2/identifier").ruleId()).isEqualTo("VP-MINOR");
    assertThat(decision(inv, "/communicationIdentifiers/3/value").ruleId()).isEqualTo("VP-MINOR");
    assertThat(decision(inv, "/documents/1/number").ruleId()).isEqualTo("VP-MINOR");
    // a suspect's account still flows
    assertThat(decision(inv, "/financialAccounts/0/identifier").action())
        .isEqualTo(FieldAction.RELEASE);
  }

  @Test
  void minimise_protectedPersonsLocalId_isPseudonymisedEverywhereItIsReferenced() {
    MinimisationResult inv = run("TH-CCIB.KH-AHTJP", Purpose.INVESTIGATION, RAID);
    String token = inv.record().at("/persons/4/id").asText();
    assertThat(PseudonymKey.isToken(token)).isTrue();
    assertThat(inv.record().at("/relations/4/to").asText()).isEqualTo(token);
    assertThat(inv.record().at("/documents/1/holder").asText()).isEqualTo(token);
    assertThat(text(inv)).doesNotContain("P5");
  }

  @Test
  void minimise_familyRelationOfProtectedPerson_isWithheld() {
    MinimisationResult inv = run("TH-CCIB.KH-AHTJP", Purpose.INVESTIGATION, RAID);
    assertThat(decision(inv, "/relations/9/type").ruleId()).isEqualTo("VP-FAMILY-RELATION");
    for (JsonNode rel : inv.record().path("relations")) {
      assertThat(rel.path("type").asText()).isNotEqualTo("FAMILY_OF");
    }
  }

  @Test
  void minimise_suspectRecordedUnderProtectedVictimsName_isWithheld() {
    ObjectNode rec = (ObjectNode) Fixtures.sample(RAID);
    ((ObjectNode) rec.at("/persons/2/names/0")).put("full", "Sok Dara");
    MinimisationResult r =
        minimiser.minimise(
            Fixtures.agreement("TH-CCIB.KH-AHTJP"),
            Purpose.INVESTIGATION,
            Fixtures.LEGAL_BASIS,
            rec);
    assertThat(decision(r, "/persons/2/names/0/full").ruleId()).isEqualTo("VP-VALUE-MATCH");
  }

  @Test
  void minimise_personCategoryNotInAgreement_isWithheldWhole() {
    MinimisationResult inv = run("TH-CCIB.KH-AHTJP", Purpose.INVESTIGATION, RAID);
    assertThat(inv.report().fields())
        .filteredOn(f -> f.path().startsWith("/persons/8/"))
        .allSatisfy(f -> assertThat(f.ruleId()).isEqualTo("AGREEMENT-CATEGORY"));
    assertThat(text(inv)).doesNotContain("Sok Chenda");
  }

  @Test
  void minimise_generalisations_yearAgeBandAdminAreaCountryCallingCode() {
    MinimisationResult intel = run("TH-CCIB.KH-AHTJP", Purpose.INTELLIGENCE, RAID);
    assertThat(intel.record().at("/persons/0/dateOfBirth/value").asText()).isEqualTo("1979");
    assertThat(intel.record().at("/persons/0/dateOfBirth/precision").asText()).isEqualTo("YEAR");
    assertThat(intel.record().at("/persons/0/addresses/0/street").isMissingNode()).isTrue();
    assertThat(intel.record().at("/persons/0/addresses/0/adminArea/name").asText())
        .isEqualTo("Bangkok");
    assertThat(PseudonymKey.isToken(intel.record().at("/persons/0/identifiers/0/value").asText()))
        .isTrue();
    MinimisationResult inv = run("TH-CCIB.KH-AHTJP", Purpose.INVESTIGATION, RAID);
    assertThat(inv.record().at("/persons/3/dateOfBirth").isMissingNode()).isTrue();
    assertThat(inv.record().at("/persons/3/ageBand").asText()).isEqualTo("27-29");
    assertThat(inv.record().at("/persons/3/addresses/0").toString())
        .isEqualTo("{\"type\":\"HOME\",\"country\":\"ID\"}");
    assertThat(CallingCodes.of("+855 12 555 0391")).isEqualTo("+855");
    assertThat(CallingCodes.of("+62 812 5550 1930")).isEqualTo("+62");
    assertThat(CallingCodes.of("+1 202 555 0100")).isEqualTo("+1");
    assertThat(CallingCodes.of("0812345678")).isNull();
  }

  @Test
  void minimise_report_coversEveryLeafOfTheInput_withPathsOnly() {
    JsonNode in = Fixtures.sample(RAID);
    MinimisationResult r = run("TH-CCIB.KH-AHTJP", Purpose.INVESTIGATION, RAID);
    List<String> leaves = new ArrayList<>();
    leaves(in, "", leaves);
    MinimisationReport report = r.report();
    assertThat(report.fields()).extracting(FieldDecision::path).containsExactlyElementsOf(leaves);
    assertThat(report.agreementId()).isEqualTo("TH-CCIB.KH-AHTJP");
    assertThat(report.agreementVersion()).isEqualTo("2.1");
    String serialised = Fixtures.JSON.valueToTree(report).toString();
    assertThat(serialised).doesNotContain("Sok Dara", "Krit", "1103700214381", "+66");
  }

  @Test
  void minimise_doesNotChangeItsInput() {
    JsonNode in = Fixtures.sample(RAID);
    JsonNode copy = in.deepCopy();
    minimiser.minimise(
        Fixtures.agreement("TH-CCIB.KH-AHTJP"), Purpose.INVESTIGATION, Fixtures.LEGAL_BASIS, in);
    assertThat(in).isEqualTo(copy);
  }

  @Test
  void minimise_fieldNotInSchema_isWithheldAndItsNameNotReported() {
    ObjectNode rec = (ObjectNode) Fixtures.sample("money-mule-network");
    ((ObjectNode) rec.at("/persons/0")).putObject("Hendrawan Saputra").put("x", "y");
    MinimisationResult r =
        minimiser.minimise(
            Fixtures.agreement("TH-CCIB.KH-AHTJP"),
            Purpose.INVESTIGATION,
            Fixtures.LEGAL_BASIS,
            rec);
    assertThat(decision(r, "/persons/0/~unknown-field"))
        .extracting(FieldDecision::action, FieldDecision::ruleId)
        .containsExactly(FieldAction.WITHHOLD, "NOT-IN-SCHEMA");
    assertThat(r.report().fields()).noneMatch(f -> f.path().contains("Hendrawan"));
    FedgateException e =
        assertThrows(
            FedgateException.class,
            () ->
                new OverSharingCheck(Fixtures.CLOCK)
                    .check(Fixtures.agreement("TH-CCIB.KH-AHTJP"), Purpose.INVESTIGATION, rec));
    assertThat(e.getMessage()).doesNotContain("Hendrawan");
  }

  // ------------------------------------------------------------- bad input

  @Test
  void minimise_purposeNotInAgreement_fails3010() {
    FedgateException e =
        assertThrows(
            FedgateException.class, () -> run("TH-CCIB.ID-BARESKRIM", Purpose.INTELLIGENCE, RAID));
    assertThat(e.code()).isEqualTo("FG-3010");
  }

  @Test
  void minimise_withoutLegalBasis_fails3011() {
    for (String lb : new String[] {null, "", "  "}) {
      FedgateException e =
          assertThrows(
              FedgateException.class,
              () ->
                  minimiser.minimise(
                      Fixtures.agreement("TH-CCIB.KH-AHTJP"),
                      Purpose.INVESTIGATION,
                      lb,
                      Fixtures.sample(RAID)));
      assertThat(e.code()).isEqualTo("FG-3011");
    }
  }

  @Test
  void minimise_notACanonicalRecord_fails3012() {
    FedgateException e =
        assertThrows(
            FedgateException.class,
            () ->
                minimiser.minimise(
                    Fixtures.agreement("TH-CCIB.KH-AHTJP"),
                    Purpose.INVESTIGATION,
                    Fixtures.LEGAL_BASIS,
                    Fixtures.JSON.createArrayNode()));
    assertThat(e.code()).isEqualTo("FG-3012");
  }

  @Test
  void minimise_noKeyConfigured_fails3014() {
    Minimiser noKeys = new Minimiser(a -> Optional.empty(), Fixtures.CLOCK);
    FedgateException e =
        assertThrows(
            FedgateException.class,
            () ->
                noKeys.minimise(
                    Fixtures.agreement("TH-CCIB.KH-AHTJP"),
                    Purpose.INVESTIGATION,
                    Fixtures.LEGAL_BASIS,
                    Fixtures.sample(RAID)));
    assertThat(e.code()).isEqualTo("FG-3014");
  }

  @Test
  void minimise_agreementExpiredSinceLoading_fails3004() {
    Minimiser later =
        new Minimiser(
            Fixtures.KEYS,
            java.time.Clock.fixed(
                java.time.Instant.parse("2032-01-01T00:00:00Z"), java.time.ZoneOffset.UTC));
    FedgateException e =
        assertThrows(
            FedgateException.class,
            () ->
                later.minimise(
                    Fixtures.agreement("TH-CCIB.KH-AHTJP"),
                    Purpose.INVESTIGATION,
                    Fixtures.LEGAL_BASIS,
                    Fixtures.sample(RAID)));
    assertThat(e.code()).isEqualTo("FG-3004");
  }

  @Test
  void purposes_parseUnknown_fails3005() {
    FedgateException e = assertThrows(FedgateException.class, () -> Purposes.parse("MARKETING"));
    assertThat(e.code()).isEqualTo("FG-3005");
    assertThat(Purposes.parse("investigation")).isEqualTo(Purpose.INVESTIGATION);
  }

  @Test
  void pseudonymKeyring_fromConfiguration_usesTheKeyRef() {
    Agreement a = Fixtures.agreement("TH-CCIB.KH-AHTJP");
    PseudonymKeyring ring = PseudonymKeyring.of(Map.of(a.pseudonymKeyRef(), new byte[32]));
    assertThat(ring.keyFor(a)).isPresent();
    assertThat(ring.keyFor(Fixtures.agreement("KH-AHTJP.TH-CCIB"))).isEmpty();
  }

  // ------------------------------------------------------------- helpers

  private static FieldDecision decision(MinimisationResult r, String path) {
    return r.report().fields().stream()
        .filter(f -> f.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no decision for " + path));
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
