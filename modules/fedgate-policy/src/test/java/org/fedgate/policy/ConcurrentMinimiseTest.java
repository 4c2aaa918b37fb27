package org.fedgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.fedgate.model.Purpose;
import org.fedgate.model.policy.FieldDecision;
import org.junit.jupiter.api.Test;

/**
 * One minimiser shared by several threads, as in the gateway, while the shared pointer tables
 * ({@link Pointers}) are still being filled: records with array positions no other test reaches
 * make the threads create child pointers and grow item tables at the same time. Every result must
 * equal the single-threaded reference walk, record byte for byte and report entry for entry.
 */
class ConcurrentMinimiseTest {

  private static final int THREADS = 4;

  private record Case(Agreement agreement, Purpose purpose, JsonNode record) {}

  private record Expected(byte[] record, List<FieldDecision> fields) {}

  @Test
  void minimise_sharedByThreadsWhilePointerTablesFill_sameAsReference() throws Exception {
    List<Case> cases = new ArrayList<>();
    Agreement thKh = Fixtures.agreement("TH-CCIB.KH-AHTJP");
    Agreement khTh = Fixtures.agreement("KH-AHTJP.TH-CCIB");
    for (int k = 0; k < 8; k++) {
      // persons at positions 9 to 63 and past the table, each with more names than the samples
      cases.add(new Case(thKh, Purpose.INVESTIGATION, widened(12 + 7 * k)));
      cases.add(new Case(khTh, Purpose.VICTIM_PROTECTION, widened(15 + 7 * k)));
    }
    for (long seed = 2000; seed < 2040; seed++) {
      JsonNode r = DifferentialTest.record(seed);
      cases.add(new Case(thKh, Purpose.INVESTIGATION, r));
      cases.add(new Case(khTh, Purpose.VICTIM_PROTECTION, r));
    }
    ReferenceMinimiser reference = new ReferenceMinimiser(Fixtures.KEYS, Fixtures.CLOCK);
    List<Expected> expected = new ArrayList<>();
    for (Case c : cases) {
      MinimisationResult r =
          reference.minimise(c.agreement(), c.purpose(), Fixtures.LEGAL_BASIS, c.record());
      expected.add(new Expected(Fixtures.bytes(r.record()), r.report().fields()));
    }

    Minimiser shared = Fixtures.minimiser();
    ConcurrentLinkedQueue<String> mismatches = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int offset = t * cases.size() / THREADS;
      Thread th =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int n = 0; n < cases.size(); n++) {
                    // each thread starts elsewhere, so several reach new positions at once
                    int i = (offset + n) % cases.size();
                    Case c = cases.get(i);
                    MinimisationResult r =
                        shared.minimise(
                            c.agreement(), c.purpose(), Fixtures.LEGAL_BASIS, c.record());
                    Expected e = expected.get(i);
                    if (!Arrays.equals(Fixtures.bytes(r.record()), e.record())
                        || !r.report().fields().equals(e.fields())) {
                      mismatches.add("case " + i);
                    }
                  }
                } catch (Throwable x) {
                  failures.add(x);
                }
              });
      threads.add(th);
      th.start();
    }
    start.countDown();
    for (Thread th : threads) {
      th.join();
    }
    assertThat(failures).isEmpty();
    assertThat(mismatches).isEmpty();
  }

  /** The raid sample with its persons repeated up to {@code size} items, names doubled. */
  private static JsonNode widened(int size) {
    ObjectNode r = (ObjectNode) Fixtures.sample("raid-scam-compound").deepCopy();
    ArrayNode persons = (ArrayNode) r.get("persons");
    int original = persons.size();
    for (int i = 0; persons.size() < size; i++) {
      ObjectNode p = (ObjectNode) persons.get(i % original).deepCopy();
      if (p.get("names") instanceof ArrayNode names && !names.isEmpty()) {
        int n = names.size();
        for (int j = 0; j < n; j++) {
          names.add(names.get(j).deepCopy());
        }
      }
      persons.add(p);
    }
    return r;
  }
}
