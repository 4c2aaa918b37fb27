package org.fedgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.fedgate.model.Purpose;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.PolicyError;

/**
 * The receiving gateway's check that a record holds nothing the agreement would not have released
 * for the purpose, in the form it would have released it (a pseudonym where it pseudonymises, a
 * year where it generalises to a year): over-sharing by the sender is refused with FG-3013 listing
 * the offending paths, never their values.
 */
public final class OverSharingCheck {

  private static final int MAX_LISTED = 50;

  private final Clock clock;

  public OverSharingCheck(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Checks a received record.
   *
   * @throws FedgateException FG-3013 over-sharing (detail: the offending JSON Pointers), FG-3010
   *     purpose not allowed, FG-3003 / FG-3004 agreement not valid, FG-3012 not a canonical record
   */
  public void check(Agreement agreement, Purpose purpose, JsonNode received) {
    List<String> offending = offendingPaths(agreement, purpose, received);
    if (!offending.isEmpty()) {
      List<String> shown =
          offending.size() > MAX_LISTED ? offending.subList(0, MAX_LISTED) : offending;
      throw new FedgateException(
          PolicyError.OVER_SHARING,
          offending.size()
              + " field(s) not released by agreement "
              + agreement.id()
              + " v"
              + agreement.version()
              + " for "
              + purpose
              + ": "
              + String.join(", ", shown)
              + (shown.size() < offending.size() ? ", ..." : ""));
    }
  }

  /** The JSON Pointers of the leaves the agreement would not have released in that form. */
  public List<String> offendingPaths(Agreement agreement, Purpose purpose, JsonNode received) {
    // the receiver does not know the sender's legal basis text: the envelope carries it
    CompiledPolicy policy =
        Minimiser.checkUse(agreement, purpose, "stated in the envelope", clock.instant());
    Minimiser.checkRecord(received);
    RecordWalk walk =
        new RecordWalk(
            policy,
            RecordWalk.Mode.CHECK,
            null,
            LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    walk.run(received);
    return List.copyOf(walk.offending);
  }
}
