package org.fedgate.model.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.fedgate.model.error.AuditError;
import org.fedgate.model.error.FedgateException;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

  private static final AgencyId TH = AgencyId.of("TH-CCIB");

  private static AuditEntry.Builder valid() {
    return AuditEntry.builder(
            Operation.DISCLOSURE,
            Actor.officer(TH, "officer-1", "LIAISON_OFFICER"),
            Outcome.SUCCESS)
        .timestamp(Instant.parse("2026-11-01T08:00:00.123456789Z"))
        .counterpart(AgencyId.of("KH-AHTJP"))
        .recipients(List.of(AgencyId.of("KH-AHTJP")))
        .purpose(Purpose.INVESTIGATION)
        .legalBasis("ASEAN-MLAT-2004/Art.1")
        .justificationRef("CASE-2026-0042")
        .messageId("3f6c1f0e-8a4b-4c1d-9d57-1a2b3c4d5e6f")
        .payloadDigest("a".repeat(64))
        .agreement("AGR-TH-KH-2026", "1.2.0")
        .fields(
            new FieldDisposition(
                List.of("/case/id"), List.of(), List.of(), List.of("/persons/*/names/*/full")));
  }

  @Test
  void build_validEntry_keepsMicrosecondTimestamp() {
    AuditEntry e = valid().build();
    assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-11-01T08:00:00.123456Z"));
    assertThat(e.fields().withheld()).containsExactly("/persons/*/names/*/full");
  }

  @Test
  void build_freeTextOrValuesInTextComponents_isRefusedWithFg4001() {
    List<UnaryOperator<AuditEntry.Builder>> bad =
        List.of(
            b -> b.legalBasis("Somchai asked nicely"),
            b -> b.justificationRef("victim Nittaya Fictional"),
            b -> b.messageId("msg 1"),
            b -> b.conversationId("a\nb"),
            b -> b.payloadDigest("ABCDEF"),
            b -> b.profileVersion("1.0 final"),
            b -> b.errorCode("E42"),
            b ->
                b.fields(
                    new FieldDisposition(
                        List.of("/persons/0/names/Nittaya Fictional"),
                        List.of(),
                        List.of(),
                        List.of())),
            b ->
                b.fields(
                    new FieldDisposition(
                        List.of("persons/*/names"), List.of(), List.of(), List.of())));
    for (UnaryOperator<AuditEntry.Builder> change : bad) {
      assertThatThrownBy(() -> change.apply(valid()).build())
          .isInstanceOfSatisfying(
              FedgateException.class,
              e -> {
                assertThat(e.code()).isEqualTo("FG-4001");
                assertThat(e.getMessage()).doesNotContain("Nittaya").doesNotContain("Somchai");
              });
    }
  }

  @Test
  void build_officerIdWithSpaces_isRefusedWithFg4001() {
    assertThatThrownBy(() -> Actor.officer(TH, "Somchai Jaidee", "ANALYST"))
        .isInstanceOfSatisfying(
            FedgateException.class,
            e -> assertThat(e.errorCode()).isEqualTo(AuditError.INVALID_ENTRY));
  }

  @Test
  void build_rejectionWithoutErrorCode_isRefusedWithFg4001() {
    assertThatThrownBy(
            () ->
                AuditEntry.builder(Operation.REJECTION, Actor.system(TH), Outcome.REJECTED).build())
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-4001"));
    assertThat(
            AuditEntry.builder(Operation.REJECTION, Actor.system(TH), Outcome.REJECTED)
                .errorCode("FG-3001")
                .build()
                .errorCode())
        .isEqualTo("FG-3001");
  }

  @Test
  void build_missingOperationOrActor_isRefusedWithFg4001() {
    assertThatThrownBy(() -> AuditEntry.builder(null, Actor.system(TH), Outcome.SUCCESS).build())
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-4001"));
    assertThatThrownBy(() -> AuditEntry.builder(Operation.DELIVERY, null, Outcome.SUCCESS).build())
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-4001"));
  }

  @Test
  void auditErrors_allInTheFg4Range_withDistinctCodes() {
    assertThat(AuditError.values())
        .allSatisfy(e -> assertThat(e.code()).matches("FG-4[0-9]{3}"))
        .extracting(AuditError::code)
        .doesNotHaveDuplicates();
  }
}
