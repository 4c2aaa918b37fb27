package org.fedgate.gateway.port;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fedgate.model.AgencyId;
import org.fedgate.model.HandlingCode;
import org.fedgate.model.Purpose;

/** Exchange agreements and data minimisation (fedgate-policy). */
public interface RecordMinimisation {

  /**
   * Cuts a canonical record down to what the agreement from {@code from} to {@code to} releases for
   * the purpose. Throws an {@code FG-3xxx} failure when no valid agreement allows the purpose.
   */
  Minimised minimise(
      AgencyId from, AgencyId to, Purpose purpose, String legalBasis, JsonNode canonical);

  /**
   * Throws {@code FG-3016} when the stated legal-basis reference is not one the agreement from
   * {@code from} to {@code to} rests on (or {@code FG-3xxx} when no agreement allows the purpose).
   */
  void checkLegalBasis(AgencyId from, AgencyId to, Purpose purpose, String legalBasis);

  /** Throws an {@code FG-3xxx} failure when the agreement does not allow the purpose at all. */
  AgreementRef checkPurpose(AgencyId from, AgencyId to, Purpose purpose);

  /**
   * Checks a received record against the agreement from {@code from} to {@code to}: anything the
   * agreement would not have released is an over-sharing violation ({@code FG-3xxx}, paths only).
   */
  void checkReceived(AgencyId from, AgencyId to, Purpose purpose, JsonNode received);

  /** The agencies this gateway has a valid agreement with, in the direction from {@code from}. */
  Set<AgencyId> partnersOf(AgencyId from);

  /**
   * How long this gateway may keep what {@code from} sent it under their agreement (in force or
   * expired); empty when no agreement for that direction is known.
   */
  Optional<Retention> retention(AgencyId from, AgencyId to);

  /** An agreement's retention period, with the agreement it comes from. */
  record Retention(AgreementRef agreement, Period period) {}

  /** An agreement's id and version, for envelopes and audit entries. */
  record AgreementRef(String id, String version, Set<HandlingCode> handlingCodes) {}

  /** A minimised record and the paths (never values) of each action taken. */
  record Minimised(
      JsonNode record,
      AgreementRef agreement,
      List<String> released,
      List<String> generalised,
      List<String> pseudonymised,
      List<String> withheld) {
    /** The agreement only: the minimised record stays out of logs and exception messages. */
    @Override
    public String toString() {
      return "Minimised[agreement=" + agreement + "]";
    }
  }
}
