package org.fedgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.spi.VerifiedDocument;
import org.junit.jupiter.api.Test;

class AgreementLoaderTest {

  private static final String TH_KH = "TH-CCIB.KH-AHTJP";

  private static String codeOf(Runnable r) {
    try {
      r.run();
    } catch (FedgateException e) {
      return e.code();
    }
    throw new AssertionError("no FedgateException");
  }

  @Test
  void load_everyShippedAgreementSignedByBothValidToday_loads() {
    for (String file : ShippedAgreements.files()) {
      byte[] bytes = ShippedAgreements.read(file).orElseThrow();
      Agreement a = AgreementLoader.load(Fixtures.signedByBoth(bytes), Fixtures.CLOCK);
      assertThat(a.legalBasisRequired()).isTrue();
      assertThat(a.isValidAt(Fixtures.NOW)).isTrue();
      // valid for a few years yet
      assertThat(a.isValidAt(Instant.parse("2029-01-01T00:00:00Z"))).as(a.id()).isTrue();
    }
  }

  @Test
  void shippedAgreements_coverBothDirectionsBetweenThreeAgencies() {
    assertThat(Fixtures.agreements())
        .extracting(a -> a.from() + ">" + a.to())
        .containsExactlyInAnyOrder(
            "TH-CCIB>KH-AHTJP",
            "KH-AHTJP>TH-CCIB",
            "TH-CCIB>ID-BARESKRIM",
            "ID-BARESKRIM>TH-CCIB",
            "KH-AHTJP>ID-BARESKRIM",
            "ID-BARESKRIM>KH-AHTJP");
  }

  @Test
  void load_signedByOnePartyOnly_fails3002() {
    byte[] bytes = Fixtures.shippedBytes(TH_KH);
    VerifiedDocument onlyTh = new VerifiedDocument(bytes, Set.of(AgencyId.of("TH-CCIB")));
    VerifiedDocument onlyKhAndStranger =
        new VerifiedDocument(bytes, Set.of(AgencyId.of("KH-AHTJP"), AgencyId.of("ID-BARESKRIM")));
    assertThat(codeOf(() -> AgreementLoader.load(onlyTh, Fixtures.CLOCK))).isEqualTo("FG-3002");
    assertThat(codeOf(() -> AgreementLoader.load(onlyKhAndStranger, Fixtures.CLOCK)))
        .isEqualTo("FG-3002");
  }

  @Test
  void load_expired_fails3004() {
    Clock later = Clock.fixed(Instant.parse("2031-01-01T00:00:00Z"), ZoneOffset.UTC);
    VerifiedDocument doc = Fixtures.signedByBoth(Fixtures.shippedBytes(TH_KH));
    FedgateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            FedgateException.class, () -> AgreementLoader.load(doc, later));
    assertThat(e.code()).isEqualTo("FG-3004");
  }

  @Test
  void load_notYetValid_fails3003() {
    Clock earlier = Clock.fixed(Instant.parse("2025-12-31T23:59:59Z"), ZoneOffset.UTC);
    VerifiedDocument doc = Fixtures.signedByBoth(Fixtures.shippedBytes(TH_KH));
    assertThat(codeOf(() -> AgreementLoader.load(doc, earlier))).isEqualTo("FG-3003");
  }

  @Test
  void parse_unknownPurpose_fails3005() {
    ObjectNode a = Fixtures.shippedJson(TH_KH);
    a.withArray("purposes").add("MARKETING");
    assertThat(codeOf(() -> AgreementLoader.parse(Fixtures.bytes(a)))).isEqualTo("FG-3005");
  }

  @Test
  void parse_unknownPurposeInRule_fails3005() {
    ObjectNode a = Fixtures.shippedJson(TH_KH);
    ((ObjectNode) a.withArray("rules").get(0)).putArray("purposes").add("CURIOSITY");
    assertThat(codeOf(() -> AgreementLoader.parse(Fixtures.bytes(a)))).isEqualTo("FG-3005");
  }

  @Test
  void parse_missingLegalBasis_fails3006() {
    ObjectNode a = Fixtures.shippedJson(TH_KH);
    a.remove("legalBasis");
    assertThat(codeOf(() -> AgreementLoader.parse(Fixtures.bytes(a)))).isEqualTo("FG-3006");
    ObjectNode b = Fixtures.shippedJson(TH_KH);
    b.putArray("legalBasis").add(" ");
    assertThat(codeOf(() -> AgreementLoader.parse(Fixtures.bytes(b)))).isEqualTo("FG-3006");
  }

  @Test
  void parse_ruleOnUnknownPath_fails3007WithItsLocation() {
    ObjectNode a = Fixtures.shippedJson(TH_KH);
    ObjectNode rule = a.withArray("rules").addObject();
    rule.put("id", "BAD-1");
    rule.put("path", "/persons/*/shoeSize");
    rule.put("action", "RELEASE");
    int index = a.get("rules").size() - 1;
    FedgateException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            FedgateException.class, () -> AgreementLoader.parse(Fixtures.bytes(a)));
    assertThat(e.code()).isEqualTo("FG-3007");
    assertThat(e.detail())
        .contains("/rules/" + index)
        .contains("BAD-1")
        .contains("/persons/*/shoeSize");
  }

  @Test
  void parse_generaliseThatDoesNotFit_fails3008() {
    ObjectNode a = Fixtures.shippedJson(TH_KH);
    ObjectNode rule = a.withArray("rules").addObject();
    rule.put("id", "BAD-2");
    rule.put("path", "/persons/*/names");
    rule.put("action", "GENERALISE");
    rule.put("generaliseTo", "YEAR");
    assertThat(codeOf(() -> AgreementLoader.parse(Fixtures.bytes(a)))).isEqualTo("FG-3008");
  }

  @Test
  void parse_protectedVictimsOutsideVictimProtection_fails3008() {
    ObjectNode a = Fixtures.shippedJson(TH_KH);
    ObjectNode rule = a.withArray("rules").addObject();
    rule.put("id", "BAD-3");
    rule.put("path", "/persons/*/names/*/full");
    rule.put("action", "PSEUDONYMISE");
    rule.putArray("purposes").add("INVESTIGATION");
    rule.putArray("categories").add("VICTIM");
    rule.put("protectedVictims", "PSEUDONYMISE");
    assertThat(codeOf(() -> AgreementLoader.parse(Fixtures.bytes(a)))).isEqualTo("FG-3008");
  }

  @Test
  void parse_categoriesOnNonPersonPath_fails3008() {
    ObjectNode a = Fixtures.shippedJson(TH_KH);
    ObjectNode rule = a.withArray("rules").addObject();
    rule.put("id", "BAD-4");
    rule.put("path", "/financialAccounts");
    rule.put("action", "RELEASE");
    rule.putArray("categories").add("SUSPECT");
    assertThat(codeOf(() -> AgreementLoader.parse(Fixtures.bytes(a)))).isEqualTo("FG-3008");
  }

  @Test
  void legalBasisCovers_listedReferenceOrAPartOfOne_only() {
    Agreement thId = Fixtures.agreement("TH-CCIB.ID-BARESKRIM");
    assertThat(thId.legalBasisRefs()).contains("ASEAN-MLAT-2004", "UNTOC-2000:Art.18");
    assertThat(thId.legalBasisCovers("UNTOC-2000:Art.18")).isTrue();
    assertThat(thId.legalBasisCovers("UNTOC-2000:Art.18(4)")).isTrue();
    assertThat(thId.legalBasisCovers("TH-ATPA-2008:s27")).isTrue();
    assertThat(thId.legalBasisCovers("ASEAN-MLAT-2004/Art.1")).isTrue();
    // not an instrument of this agreement, a shorter or longer article number, nothing
    assertThat(thId.legalBasisCovers("ACTIP-2015:Art.17")).isFalse();
    assertThat(thId.legalBasisCovers("UNTOC-2000:Art.1")).isFalse();
    assertThat(thId.legalBasisCovers("UNTOC-2000:Art.180")).isFalse();
    assertThat(thId.legalBasisCovers(null)).isFalse();
    // every shipped agreement lists the references of its instruments
    for (Agreement a : Fixtures.agreements()) {
      assertThat(a.legalBasisRefs()).as(a.id()).contains("ASEAN-MLAT-2004");
    }
  }

  @Test
  void parse_withoutLegalBasisRefs_acceptsAnyStatedBasis() {
    ObjectNode a = Fixtures.shippedJson(TH_KH);
    a.remove("legalBasisRefs");
    Agreement parsed = AgreementLoader.parse(Fixtures.bytes(a));
    assertThat(parsed.legalBasisRefs()).isEmpty();
    assertThat(parsed.legalBasisCovers("any-reference")).isTrue();
  }

  @Test
  void parse_malformedLegalBasisRef_fails3001() {
    ObjectNode a = Fixtures.shippedJson(TH_KH);
    a.putArray("legalBasisRefs").add("ACTIP 2015 article 17");
    assertThat(codeOf(() -> AgreementLoader.parse(Fixtures.bytes(a)))).isEqualTo("FG-3001");
    ObjectNode b = Fixtures.shippedJson(TH_KH);
    b.putArray("legalBasisRefs");
    assertThat(codeOf(() -> AgreementLoader.parse(Fixtures.bytes(b)))).isEqualTo("FG-3001");
  }

  @Test
  void parse_notJsonOrSchemaViolation_fails3001() {
    assertThat(codeOf(() -> AgreementLoader.parse("{not json".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("FG-3001");
    ObjectNode a = Fixtures.shippedJson(TH_KH);
    a.put("retention", "five years");
    assertThat(codeOf(() -> AgreementLoader.parse(Fixtures.bytes(a)))).isEqualTo("FG-3001");
    ObjectNode b = Fixtures.shippedJson(TH_KH);
    b.put("validUntil", "2025-01-01T00:00:00Z");
    assertThat(codeOf(() -> AgreementLoader.parse(Fixtures.bytes(b)))).isEqualTo("FG-3001");
  }

  @Test
  void registry_findsByDirectionAndRefusesUnknownOrDisallowedPurpose() {
    AgreementRegistry reg = new AgreementRegistry(Fixtures.CLOCK);
    for (String f : ShippedAgreements.files()) {
      reg.load(Fixtures.signedByBoth(ShippedAgreements.read(f).orElseThrow()));
    }
    AgencyId th = AgencyId.of("TH-CCIB");
    AgencyId id = AgencyId.of("ID-BARESKRIM");
    assertThat(reg.forExchange(th, id, Purpose.INVESTIGATION).id())
        .isEqualTo("TH-CCIB.ID-BARESKRIM");
    assertThat(codeOf(() -> reg.forExchange(th, id, Purpose.INTELLIGENCE))).isEqualTo("FG-3010");
    assertThat(codeOf(() -> reg.byId("XX-NONE.YY-NONE"))).isEqualTo("FG-3009");
    assertThat(codeOf(() -> reg.forExchange(th, AgencyId.of("MY-PDRM"), Purpose.INVESTIGATION)))
        .isEqualTo("FG-3009");
  }

  @Test
  void registry_olderVersionOfLoadedAgreement_fails3015() {
    AgreementRegistry reg = new AgreementRegistry(Fixtures.CLOCK);
    reg.load(Fixtures.signedByBoth(Fixtures.shippedBytes(TH_KH)));
    // the same document again is fine
    reg.load(Fixtures.signedByBoth(Fixtures.shippedBytes(TH_KH)));
    ObjectNode changed = Fixtures.shippedJson(TH_KH);
    changed.put("title", "Same version, other content");
    assertThat(codeOf(() -> reg.load(Fixtures.signedByBoth(Fixtures.bytes(changed)))))
        .isEqualTo("FG-3015");
    ObjectNode older = Fixtures.shippedJson(TH_KH);
    older.put("version", "1.0");
    assertThat(codeOf(() -> reg.load(Fixtures.signedByBoth(Fixtures.bytes(older)))))
        .isEqualTo("FG-3015");
  }

  @Test
  void agreement_toStringAndKey_printNoKeyMaterial() {
    PseudonymKey k = PseudonymKey.of(new byte[32]);
    assertThat(k.toString()).doesNotContain("0000").contains("redacted");
  }
}
