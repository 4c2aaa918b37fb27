package org.fedgate.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.fedgate.mapping.engine.PathOps.Match;

/**
 * Applies a {@link Profile}'s rules in either direction and accounts for every input leaf: each one
 * is either read by a rule or listed in the unmapped report (as a location, never a value).
 * Stateless and thread-safe.
 */
public final class MappingEngine {

  /** Canonical paths the engine itself writes; on the way back they need no rule. */
  private static final List<MappingPath> ENGINE_OWNED =
      List.of(
          MappingPath.parse("/acrVersion"),
          MappingPath.parse("/provenance/nationalProfile"),
          MappingPath.parse("/provenance/mappingVersion"));

  private static final JsonNodeFactory NF = JsonNodeFactory.instance;

  private final Profile profile;
  private final List<Map.Entry<MappingPath, JsonNode>> defaults = new ArrayList<>();

  /** Forward rules in profile order; their national paths, then the ignored ones, in one plan. */
  private final List<Rule> forward = new ArrayList<>();

  private final PathOps.ReadPlan forwardPlan;

  /** Backward rules in profile order, then the forward-only ones (values derived on the way in). */
  private final List<Rule> backward = new ArrayList<>();

  private final List<Rule> derived = new ArrayList<>();

  /** The engine-owned canonical paths, then the canonical paths of backward and derived rules. */
  private final PathOps.ReadPlan backwardPlan;

  public MappingEngine(Profile profile) {
    this.profile = profile;
    profile.defaults().forEach((k, v) -> defaults.add(Map.entry(MappingPath.parse(k), v)));
    List<MappingPath> nationalPaths = new ArrayList<>();
    for (Rule rule : profile.rules()) {
      if (rule.direction().forward()) {
        forward.add(rule);
        nationalPaths.add(rule.national());
      }
    }
    nationalPaths.addAll(profile.ignoredNational());
    this.forwardPlan = new PathOps.ReadPlan(nationalPaths);
    List<MappingPath> canonicalPaths = new ArrayList<>(ENGINE_OWNED);
    for (Rule rule : profile.rules()) {
      if (rule.direction().backward()) {
        backward.add(rule);
        canonicalPaths.add(rule.canonical());
      }
    }
    for (Rule rule : profile.rules()) {
      if (!rule.direction().backward()) {
        derived.add(rule);
        canonicalPaths.add(rule.canonical());
      }
    }
    this.backwardPlan = new PathOps.ReadPlan(canonicalPaths);
  }

  public Profile profile() {
    return profile;
  }

  /** The output of one direction: the document and the unmapped input locations. */
  public record Output(ObjectNode document, List<String> unmapped) {}

  /**
   * National tree to canonical tree.
   *
   * @param location turns a JSON Pointer into the national document into a location for messages
   *     (identity for JSON, XPath for XML)
   */
  public Output toCanonical(JsonNode national, UnaryOperator<String> location) {
    ObjectNode out = NF.objectNode();
    out.put("acrVersion", "1.0");
    ObjectNode prov = out.putObject("provenance");
    Consumed consumed = new Consumed();
    // one walk of the input finds every rule's matches; they are applied rule by rule as before,
    // so the output is built in the same order
    List<Match>[] matches = forwardPlan.read(national);
    for (int r = 0; r < forward.size(); r++) {
      Rule rule = forward.get(r);
      List<Match> ms = matches[r];
      for (int j = 0, n = ms.size(); j < n; j++) { // indexed: the iterator showed in profiles
        Match m = ms.get(j);
        consumed.add(m);
        JsonNode v =
            rule.transform() != null
                ? rule.transform().toCanonical(m.value, () -> location.apply(m.pointer()))
                : m.value.deepCopy();
        if (v != null && !v.isNull()) {
          PathOps.write(out, rule.canonical(), m.bindings, v);
        }
      }
    }
    for (int i = forward.size(); i < matches.length; i++) {
      for (Match m : matches[i]) {
        consumed.add(m);
      }
    }
    for (Map.Entry<MappingPath, JsonNode> d : defaults) {
      if (PathOps.read(out, d.getKey()).isEmpty()) {
        PathOps.write(out, d.getKey(), new int[0], d.getValue().deepCopy());
      }
    }
    prov.put("nationalProfile", profile.profileLabel());
    prov.put("mappingVersion", profile.mappingVersion());
    Names.composeFullNames(out, profile.familyNameFirst());
    List<String> unmapped = new ArrayList<>();
    collectUnmapped(national, consumed, unmapped, location);
    return new Output(out, unmapped);
  }

  /** Canonical tree to national tree (as a JSON tree; XML profiles serialise it afterwards). */
  public Output toNational(JsonNode canonical) {
    ObjectNode out = NF.objectNode();
    Consumed consumed = new Consumed();
    // one walk of the (unchanging) input finds every rule's matches; rules still apply in order
    List<Match>[] matches = backwardPlan.read(canonical);
    int at = 0;
    for (; at < ENGINE_OWNED.size(); at++) {
      for (Match m : matches[at]) {
        consumed.add(m);
      }
    }
    for (Rule rule : backward) {
      for (Match m : matches[at++]) {
        JsonNode v =
            rule.transform() != null
                ? rule.transform().toNational(m.value, m::pointer)
                : m.value.deepCopy();
        if (v == null) {
          continue; // cannot be represented: stays unconsumed, so it is reported
        }
        consumed.add(m);
        PathOps.write(out, rule.national(), m.bindings, v);
      }
    }
    // A value derived on the way in (a mononym flag, a province name beside its code) is carried
    // back by its national source: it counts as mapped only where that source was written.
    for (Rule rule : derived) {
      Set<String> written = new HashSet<>();
      for (Match w : PathOps.read(out, rule.national())) {
        written.add(PathOps.bindingsText(w.bindings));
      }
      for (Match m : matches[at++]) {
        if (written.contains(PathOps.bindingsText(m.bindings))) {
          consumed.add(m);
        }
      }
    }
    Names.markComposedFullNames(canonical, consumed);
    List<String> unmapped = new ArrayList<>();
    collectUnmapped(canonical, consumed, unmapped, UnaryOperator.identity());
    return new Output(out, unmapped);
  }

  /**
   * Lists the input that no rule read: a leaf, or a whole object or array when nothing under it was
   * read (so one unmapped identifier shows as one location, not one per field).
   */
  private static void collectUnmapped(
      JsonNode root, Consumed consumed, List<String> out, UnaryOperator<String> location) {
    List<Object[]> raw = new ArrayList<>();
    unmapped(root, consumed, new Object[64], 0, raw);
    for (Object[] steps : raw) {
      out.add(location.apply(PathOps.pointerOf(steps, steps.length)));
    }
  }

  /**
   * Adds the unread parts under {@code node} to {@code out}; returns true when nothing under it was
   * read and it holds some value (the caller may then report it as one location).
   */
  private static boolean unmapped(
      JsonNode node, Consumed consumed, Object[] steps, int depth, List<Object[]> out) {
    if (!Kinds.isContainer(node)) {
      if (Kinds.isAbsent(node)) {
        return false;
      }
      out.add(java.util.Arrays.copyOf(steps, depth));
      return true;
    }
    if (depth >= steps.length - 1) {
      out.add(java.util.Arrays.copyOf(steps, depth)); // deeper than any schema allows
      return true;
    }
    List<Object> read = consumed.keysOf(node);
    int mark = out.size();
    boolean all = true;
    boolean any = false;
    if (Kinds.isObject(node)) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (read != null && Consumed.has(read, e.getKey())) {
          all = false;
          continue;
        }
        steps[depth] = e.getKey();
        int before = out.size();
        boolean childAll = unmapped(e.getValue(), consumed, steps, depth + 1, out);
        all &= childAll || out.size() == before && isEmptyValue(e.getValue());
        any |= out.size() > before;
      }
    } else {
      for (int i = 0; i < node.size(); i++) {
        if (read != null && Consumed.has(read, i)) {
          all = false;
          continue;
        }
        steps[depth] = i;
        int before = out.size();
        boolean childAll = unmapped(node.get(i), consumed, steps, depth + 1, out);
        all &= childAll || out.size() == before && isEmptyValue(node.get(i));
        any |= out.size() > before;
      }
    }
    if (all && any && depth > 0) {
      out.subList(mark, out.size()).clear();
      out.add(java.util.Arrays.copyOf(steps, depth));
      return true;
    }
    return false;
  }

  private static boolean isEmptyValue(JsonNode n) {
    return Kinds.isAbsent(n) || Kinds.isContainer(n) && n.isEmpty();
  }
}
