package org.fedgate.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of one gateway on one store: a row is worked on by the instance that claimed it
 * while its claim runs, taken over by another once it has run out, and the first then cannot renew
 * it.
 */
class WorkClaimsTest {

  GatewayStore store;

  @BeforeEach
  void open() {
    JdbcDataSource ds = new JdbcDataSource();
    String url = "jdbc:h2:mem:claims-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ds.setURL(url);
    store = new GatewayStore(ds, url);
  }

  static Outbox.Entry row(String id) {
    Instant now = Instant.now();
    return new Outbox.Entry(
        id,
        "conv-" + id,
        "KH-AHTJP",
        "CASE_NOTIFICATION",
        "INVESTIGATION",
        "header.payload.signature",
        "0".repeat(64),
        now,
        now.plus(Duration.ofHours(1)),
        Outbox.State.PENDING,
        0,
        null,
        null);
  }

  void insert(Outbox by, String id) {
    store.inTransaction(
        c -> {
          by.insert(c, row(id));
          return null;
        });
  }

  @Test
  void rowOfARunningClaim_isLeftToItsInstance_byOthersPollsAndClaims() {
    Outbox a = new Outbox(store, "gw-a", Duration.ofMinutes(1));
    Outbox b = new Outbox(store, "gw-b", Duration.ofMinutes(1));
    insert(a, "m-1");

    assertThat(a.pendingIds(10)).containsExactly("m-1");
    assertThat(b.pendingIds(10)).isEmpty();
    assertThat(b.claims().claim("m-1")).isFalse();
    assertThat(a.claims().claim("m-1")).isTrue(); // its own row, e.g. after a restart
    assertThat(a.claims().renew("m-1", "PENDING")).isTrue();
    assertThat(b.claims().renew("m-1", "PENDING")).isFalse();
  }

  @Test
  void rowOfAClaimThatRanOut_isTakenOver_andTheFirstInstanceCannotRenewIt() throws Exception {
    Outbox a = new Outbox(store, "gw-a", Duration.ofMillis(1));
    Outbox b = new Outbox(store, "gw-b", Duration.ofMinutes(1));
    insert(a, "m-2");
    Thread.sleep(20); // a's one-millisecond claim has run out

    assertThat(b.pendingIds(10)).containsExactly("m-2");
    assertThat(b.claims().claim("m-2")).isTrue();
    assertThat(a.pendingIds(10)).isEmpty();
    assertThat(a.claims().renew("m-2", "PENDING")).isFalse();
    assertThat(a.claims().claim("m-2")).isFalse();
  }

  @Test
  void renew_rowThatLeftItsState_isFalse_soTheInstanceStopsWorkingOnIt() {
    Outbox a = new Outbox(store, "gw-a", Duration.ofMinutes(1));
    insert(a, "m-3");
    boolean finished =
        store.inTransaction(
            c -> a.finish(c, "m-3", Outbox.State.DELIVERED, null, "receipt.jws.value"));

    assertThat(finished).isTrue();
    assertThat(a.claims().renew("m-3", "PENDING")).isFalse();
    assertThat(a.pendingIds(10)).isEmpty();
  }

  @Test
  void inboundRows_areClaimedTheSameWay() {
    InboundQueue a = new InboundQueue(store, "gw-a", Duration.ofMinutes(1));
    InboundQueue b = new InboundQueue(store, "gw-b", Duration.ofMinutes(1));
    Instant now = Instant.now();
    store.inTransaction(
        c -> {
          a.insert(
              c,
              new InboundQueue.Entry(
                  "in-1",
                  "conv-in-1",
                  "TH-CCIB",
                  "CASE_NOTIFICATION",
                  "INVESTIGATION",
                  "0".repeat(64),
                  now,
                  now.plus(Duration.ofHours(1)),
                  "application/json",
                  "{}",
                  "receipt.jws.value",
                  InboundQueue.State.PENDING_BACKEND,
                  0,
                  null,
                  null));
          return null;
        });
    assertThat(a.idsInState(InboundQueue.State.PENDING_BACKEND, 10)).containsExactly("in-1");
    assertThat(b.idsInState(InboundQueue.State.PENDING_BACKEND, 10)).isEmpty();
    assertThat(b.claims().claim("in-1")).isFalse();
  }
}
