package org.fedgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compact map behind minimised objects must behave like the LinkedHashMap Jackson uses by
 * default: same members, same order, same equality, also when the gateway edits the record.
 */
class FieldMapTest {

  @Test
  void randomEdits_sameAsLinkedHashMap() {
    Random r = new Random(7);
    for (int run = 0; run < 200; run++) {
      FieldMap f = new FieldMap(r.nextInt(4));
      Map<String, JsonNode> l = new LinkedHashMap<>();
      for (int op = 0; op < 60; op++) {
        String k = "k" + r.nextInt(12);
        JsonNode v = IntNode.valueOf(r.nextInt(5));
        switch (r.nextInt(7)) {
          case 0, 1, 2 -> assertThat(f.put(k, v)).isEqualTo(l.put(k, v));
          case 3 -> assertThat(f.remove(k)).isEqualTo(l.remove(k));
          case 4 -> {
            Iterator<Map.Entry<String, JsonNode>> fi = f.entrySet().iterator();
            Iterator<Map.Entry<String, JsonNode>> li = l.entrySet().iterator();
            while (li.hasNext()) {
              Map.Entry<String, JsonNode> fe = fi.next();
              Map.Entry<String, JsonNode> le = li.next();
              assertThat(fe).isEqualTo(le);
              if (fe.getKey().equals(k)) {
                fi.remove();
                li.remove();
              } else if (r.nextInt(4) == 0) {
                assertThat(fe.setValue(v)).isEqualTo(le.setValue(v));
              }
            }
            assertThat(fi.hasNext()).isFalse();
          }
          case 5 -> assertThat(f.get(k)).isEqualTo(l.get(k));
          default -> {
            if (r.nextInt(10) == 0) {
              f.clear();
              l.clear();
            }
          }
        }
        assertThat(new ArrayList<>(f.keySet())).isEqualTo(new ArrayList<>(l.keySet()));
        assertThat(new ArrayList<>(f.values())).isEqualTo(new ArrayList<>(l.values()));
        assertThat(f).isEqualTo(l);
        assertThat(l).isEqualTo(f);
        assertThat(f.hashCode()).isEqualTo(l.hashCode());
      }
    }
  }

  @Test
  void copyOf_slicesOfAStack_behaveLikeLinkedHashMap() {
    Random r = new Random(5);
    for (int run = 0; run < 200; run++) {
      int from = 2 * r.nextInt(4);
      int count = r.nextInt(5);
      Object[] stack = new Object[from + 2 * count + 4];
      Map<String, JsonNode> l = new LinkedHashMap<>();
      for (int i = 0; i < stack.length; i += 2) {
        stack[i] = "s" + i;
        stack[i + 1] = IntNode.valueOf(i);
        if (i >= from && i < from + 2 * count) {
          l.put("s" + i, IntNode.valueOf(i));
        }
      }
      FieldMap f = FieldMap.copyOf(stack, from, count, r.nextInt(3));
      assertThat(f).isEqualTo(l);
      assertThat(new ArrayList<>(f.keySet())).isEqualTo(new ArrayList<>(l.keySet()));
      for (int op = 0; op < 8; op++) {
        String k = "s" + 2 * r.nextInt(8);
        JsonNode v = IntNode.valueOf(r.nextInt(5));
        if (r.nextBoolean()) {
          assertThat(f.put(k, v)).isEqualTo(l.put(k, v));
        } else {
          assertThat(f.remove(k)).isEqualTo(l.remove(k));
        }
        assertThat(new ArrayList<>(f.entrySet())).isEqualTo(new ArrayList<>(l.entrySet()));
        assertThat(f).isEqualTo(l);
        assertThat(l).isEqualTo(f);
        assertThat(f.hashCode()).isEqualTo(l.hashCode());
        assertThat(f.toString()).isEqualTo(l.toString());
      }
    }
  }

  @Test
  void objectNode_withFieldMap_serialisesAndComparesLikeDefault() throws Exception {
    FieldMap f = new FieldMap(2);
    f.append("b", IntNode.valueOf(1));
    f.append("a", JsonNodeFactory.instance.textNode("x"));
    ObjectNode compact = new ObjectNode(JsonNodeFactory.instance, f);
    ObjectNode plain = JsonNodeFactory.instance.objectNode().put("b", 1).put("a", "x");
    assertThat(compact).isEqualTo(plain);
    assertThat(plain).isEqualTo(compact);
    assertThat(compact.toString()).isEqualTo(plain.toString()).isEqualTo("{\"b\":1,\"a\":\"x\"}");
    compact.put("c", true);
    compact.remove("b");
    compact.put("a", "y");
    assertThat(Fixtures.JSON.writeValueAsString(compact)).isEqualTo("{\"a\":\"y\",\"c\":true}");
    assertThat(compact.deepCopy()).isEqualTo(compact);
    List<String> names = new ArrayList<>();
    compact.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("a", "c");
  }
}
