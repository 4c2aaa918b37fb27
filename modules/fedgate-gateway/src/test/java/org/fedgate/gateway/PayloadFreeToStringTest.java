package org.fedgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.fedgate.gateway.port.EnvelopeHeader;
import org.fedgate.gateway.port.EnvelopeTrust;
import org.fedgate.gateway.port.RecordMinimisation;
import org.fedgate.gateway.store.InboundQueue;
import org.fedgate.gateway.store.Outbox;
import org.fedgate.gateway.store.Quarantine;
import org.fedgate.gateway.store.RecordRequests;
import org.fedgate.model.AgencyId;
import org.fedgate.model.MessageType;
import org.fedgate.model.Purpose;
import org.junit.jupiter.api.Test;

/**
 * The values the routes carry in message headers (stored rows, sealed and opened envelopes,
 * minimised records) print ids and states only: Camel puts a header's text into some exception
 * messages (a failed type conversion, for one), and those may reach a log.
 */
class PayloadFreeToStringTest {

  /** Stands for a victim's name inside a record, an envelope or a free-text field. */
  static final String SECRET = "Fictional Victim Name 0812345678";

  static final Instant T = Instant.parse("2026-11-28T00:00:00Z");

  @Test
  void storedRows_toString_leaveBodiesEnvelopesAndFreeTextOut() {
    List<Object> rows =
        List.of(
            new Outbox.Entry(
                "m-1",
                "c-1",
                "KH-AHTJP",
                "CASE_NOTIFICATION",
                "INVESTIGATION",
                SECRET,
                "d",
                T,
                T,
                Outbox.State.PENDING,
                0,
                null,
                null),
            new InboundQueue.Entry(
                "m-1",
                "c-1",
                "TH-CCIB",
                "CASE_NOTIFICATION",
                "INVESTIGATION",
                "d",
                T,
                T,
                "application/json",
                SECRET,
                SECRET,
                InboundQueue.State.PENDING_BACKEND,
                0,
                null,
                null),
            new Quarantine.Entry(
                "m-1",
                "c-1",
                "TH-CCIB",
                "INVESTIGATION",
                "TH-CCIB.KH-AHTJP",
                "2",
                "FG-3010",
                SECRET,
                "d",
                T,
                SECRET),
            new RecordRequests.Entry(
                "r-1",
                "kh-officer-1",
                "TH-CCIB",
                "INVESTIGATION",
                SECRET,
                SECRET,
                "m-1",
                T,
                RecordRequests.State.ANSWERED,
                null,
                "application/json",
                SECRET,
                null));
    for (Object row : rows) {
      assertThat(row.toString()).doesNotContain(SECRET).containsAnyOf("m-1", "r-1");
    }
  }

  @Test
  void envelopesAndMinimisedRecords_toString_leaveTheRecordOut() {
    var record = JsonNodeFactory.instance.objectNode().put("full", SECRET);
    var header =
        new EnvelopeHeader(
            "m-1",
            "c-1",
            MessageType.CASE_NOTIFICATION,
            AgencyId.of("TH-CCIB"),
            AgencyId.of("KH-AHTJP"),
            Purpose.INVESTIGATION,
            "ASEAN-MLAT-2004",
            "ref",
            Set.of(),
            null,
            null,
            T,
            T,
            "TH-CCIB.KH-AHTJP",
            "2",
            "acr-1.0");
    List<Object> values =
        List.of(
            new EnvelopeTrust.Sealed("m-1", SECRET, "d"),
            new EnvelopeTrust.Opened(header, record, "d"),
            new RecordMinimisation.Minimised(
                record,
                new RecordMinimisation.AgreementRef("TH-CCIB.KH-AHTJP", "2", Set.of()),
                List.of(),
                List.of(),
                List.of(),
                List.of()));
    for (Object v : values) {
      assertThat(v.toString()).doesNotContain(SECRET);
    }
    assertThat(values.get(0).toString()).contains("m-1");
    assertThat(values.get(1).toString()).contains("m-1");
    assertThat(values.get(2).toString()).contains("TH-CCIB.KH-AHTJP");
  }
}
