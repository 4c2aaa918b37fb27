package org.fedgate.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One translator shared by several threads gives the same results as one thread. */
class ConcurrencyTest {

  @Test
  void translator_sharedAcrossThreads_givesSameResults() throws Exception {
    Translator t = TestSupport.TRANSLATOR;
    List<String[]> jobs = new ArrayList<>();
    for (String cc : List.of("TH", "KH", "ID")) {
      for (Path p : TestSupport.samples(cc)) {
        jobs.add(new String[] {cc, p.toString()});
      }
    }
    List<JsonNode> expected = new ArrayList<>();
    for (String[] j : jobs) {
      expected.add(roundTrip(t, j));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<JsonNode>> futures = new ArrayList<>();
      for (int rep = 0; rep < 5; rep++) {
        for (String[] j : jobs) {
          futures.add(pool.submit(() -> roundTrip(t, j)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertThat(futures.get(i).get(30, TimeUnit.SECONDS))
            .isEqualTo(expected.get(i % jobs.size()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static JsonNode roundTrip(Translator t, String[] job) throws Exception {
    TranslationResult r = t.toCanonical(job[0], TestSupport.bytes(Path.of(job[1])));
    NationalDocument d = t.fromCanonical(job[0], r.canonical());
    com.fasterxml.jackson.databind.node.ObjectNode out = r.canonical().deepCopy();
    out.put("_national", new String(d.content(), java.nio.charset.StandardCharsets.UTF_8));
    return out;
  }
}
