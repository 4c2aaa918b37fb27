package org.fedgate.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Node kind tests for the engine's hot loops. Jackson's {@code isObject()}, {@code isNull()} and
 * the like go through a virtual {@code getNodeType()} that sees every node class at one call site,
 * so it is never inlined; the classes a parsed document is made of are recognised here by an exact
 * class compare first, and anything else still asks Jackson (same answers, subclasses included).
 */
final class Kinds {
  private Kinds() {}

  static boolean isObject(JsonNode n) {
    Class<?> c = n.getClass();
    if (c == ObjectNode.class) {
      return true;
    }
    return c != TextNode.class && c != ArrayNode.class && c != IntNode.class && n.isObject();
  }

  static boolean isArray(JsonNode n) {
    Class<?> c = n.getClass();
    if (c == ArrayNode.class) {
      return true;
    }
    return c != TextNode.class && c != ObjectNode.class && c != IntNode.class && n.isArray();
  }

  /** Null, JSON null or missing: nothing to read. */
  static boolean isAbsent(JsonNode n) {
    if (n == null) {
      return true;
    }
    Class<?> c = n.getClass();
    if (c == ObjectNode.class
        || c == TextNode.class
        || c == ArrayNode.class
        || c == IntNode.class) {
      return false;
    }
    return n.isNull() || n.isMissingNode();
  }

  static boolean isContainer(JsonNode n) {
    Class<?> c = n.getClass();
    if (c == ObjectNode.class || c == ArrayNode.class) {
      return true;
    }
    return c != TextNode.class && c != IntNode.class && n.isContainerNode();
  }
}
