package org.fedgate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.fedgate.model.error.FedgateException;
import org.junit.jupiter.api.Test;

class EntryJsonTest {

  @Property(tries = 200)
  void canonical_anyEntry_equalsTheIndependentJcsLibrary(
      @ForAll @IntRange(min = 0, max = 100_000) int i,
      @ForAll @LongRange(min = 0, max = 1L << 40) long seq) {
    String fast = EntryJson.canonical(TestSupport.entry(i), seq);
    assertThat(fast).isEqualTo(EntryJson.canonicalize(EntryJson.toJson(TestSupport.entry(i), seq)));
    assertThat(
            EntryJson.withSequence(EntryJson.canonicalWithoutSequence(TestSupport.entry(i)), seq))
        .isEqualTo(fast);
  }

  @Property(tries = 200)
  void canonicalJson_arbitraryStrings_equalsTheIndependentJcsLibrary(
      @ForAll @StringLength(max = 40) String key, @ForAll @StringLength(max = 40) String value) {
    ObjectNode o = EntryJson.MAPPER.createObjectNode();
    o.put(key, value);
    o.put("b", 1);
    o.putArray("a").add(value).add(-7);
    assertThat(CanonicalJson.write(o)).isEqualTo(EntryJson.canonicalize(o));
  }

  @Test
  void parse_canonicalJson_roundTripsTheEntry() {
    String json = EntryJson.canonical(TestSupport.entry(7), 7);
    assertThat(EntryJson.parse(json)).isEqualTo(TestSupport.entry(7));
    assertThat(json).startsWith("{\"actor\":{\"agency\":\"TH-CCIB\"").contains("\"sequence\":7,");
  }

  @Test
  void parse_foreignJson_isRefusedWithFg4001() {
    assertThatThrownBy(() -> EntryJson.parse("{\"operation\":\"NOPE\"}"))
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-4001"));
    assertThatThrownBy(() -> EntryJson.parse("not json"))
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-4001"));
  }
}
