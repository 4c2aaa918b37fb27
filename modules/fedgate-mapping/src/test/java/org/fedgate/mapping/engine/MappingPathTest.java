package org.fedgate.mapping.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class MappingPathTest {

  @Test
  void parse_selectorsAndWildcards() {
    MappingPath p =
        MappingPath.parse("/persons/*[category=SUSPECT]/names/[script=Latn,use=OFFICIAL]/full");
    assertThat(p.wildcards()).isEqualTo(1);
    assertThat(p.segments()).hasSize(5);
  }

  @Test
  void parse_badPaths_refused() {
    assertThatThrownBy(() -> MappingPath.parse("persons"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MappingPath.parse("/*")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MappingPath.parse("/a//b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MappingPath.parse("/a/[k]"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void write_thenRead_selectsByKeysAndOrdinal() throws Exception {
    ObjectNode root = new ObjectMapper().createObjectNode();
    MappingPath suspects = MappingPath.parse("/persons/*[category=SUSPECT]/id");
    MappingPath victims = MappingPath.parse("/persons/*[category=VICTIM]/id");
    PathOps.write(root, suspects, new int[] {0}, TextNode.valueOf("T1"));
    PathOps.write(root, victims, new int[] {0}, TextNode.valueOf("V1"));
    PathOps.write(root, suspects, new int[] {1}, TextNode.valueOf("T2"));
    assertThat(root.toString())
        .isEqualTo(
            "{\"persons\":[{\"category\":\"SUSPECT\",\"id\":\"T1\"},"
                + "{\"category\":\"VICTIM\",\"id\":\"V1\"},{\"category\":\"SUSPECT\",\"id\":\"T2\"}]}");
    var matches = PathOps.read(root, suspects);
    assertThat(matches).hasSize(2);
    assertThat(matches.get(1).pointer()).isEqualTo("/persons/2/id");
    assertThat(matches.get(1).bindings()).containsExactly(1);
    assertThat(matches.get(1).keyRefs).containsExactly(root.get("persons").get(2), "category");
  }
}
