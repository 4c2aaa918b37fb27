package org.fedgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fedgate.model.DataSubjectCategory;
import org.fedgate.model.Purpose;
import org.fedgate.model.policy.FieldAction;
import org.fedgate.model.policy.FieldDecision;
import org.fedgate.model.policy.MinimisationReport;

/**
 * One pass over one canonical record under a compiled policy. In MINIMISE mode it builds the
 * minimised record and the report; in CHECK mode it lists the leaves of a received record that the
 * policy would not have let out in that form (over-sharing). Both modes share every decision, so
 * the receiver checks exactly what the sender applies.
 */
final class RecordWalk {

  enum Mode {
    MINIMISE,
    CHECK
  }

  // rule ids of the built-in protections, reported in place of an agreement rule
  static final String DEFAULT_WITHHOLD = "DEFAULT-WITHHOLD";
  static final String VP_MINOR = "VP-MINOR";
  static final String VP_NON_DISCLOSURE = "VP-NON-DISCLOSURE";
  static final String VP_FREE_TEXT = "VP-FREE-TEXT";
  static final String VP_PSN = "VP-PSN";
  static final String VP_LOCAL_ID = "VP-LOCAL-ID";
  static final String VP_VALUE_MATCH = "VP-VALUE-MATCH";
  static final String VP_FAMILY_RELATION = "VP-FAMILY-RELATION";
  static final String AGREEMENT_CATEGORY = "AGREEMENT-CATEGORY";
  static final String AGREEMENT_RECORD_TYPE = "AGREEMENT-RECORD-TYPE";
  static final String NOT_IN_SCHEMA = "NOT-IN-SCHEMA";
  static final String REQUIRED_FIELD_WITHHELD = "REQUIRED-FIELD-WITHHELD";

  /** Stands in the report for the name of a field the canonical schema does not have. */
  static final String UNKNOWN_FIELD = "~unknown-field";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final int MIN_CONTAINED_LENGTH = 5;

  private final CompiledPolicy policy;
  private final Mode mode;
  private final PseudonymKey key;
  private final LocalDate today;
  private static final CanonicalSchema SCHEMA = CanonicalSchema.get();
  private static final CanonicalSchema.Node root = SCHEMA.root();
  private static final CanonicalSchema.Node personItem = SCHEMA.node("/persons/*");
  private static final CanonicalSchema.Node identifierItem =
      SCHEMA.node("/persons/*/identifiers/*");
  private static final CanonicalSchema.Node relationItem = SCHEMA.node("/relations/*");
  private static final CanonicalSchema.Node accountItem = SCHEMA.node("/financialAccounts/*");
  private static final CanonicalSchema.Node commItem = SCHEMA.node("/communicationIdentifiers/*");
  private static final CanonicalSchema.Node documentItem = SCHEMA.node("/documents/*");

  static {
    // visit() checks these entities as a whole only where the schema flags them
    for (CanonicalSchema.Node n :
        List.of(personItem, identifierItem, relationItem, accountItem, commItem, documentItem)) {
      if (!n.entity) {
        throw new IllegalStateException("not flagged as an entity: " + n.path);
      }
    }
  }

  // the report under construction (MINIMISE only)
  final MinimisationReport.Builder decisions;
  final List<String> offending = new ArrayList<>();
  private final StringBuilder path = new StringBuilder(96);
  // the same position as a shared pointer, or null where none is cached (off-schema, limits). The
  // loops pass the position of a leaf to visitLeaf as an argument and set this field only before
  // calling a method that reads it (containers, and the leaf's rare paths): a reference stored in
  // the heap costs a GC write barrier, and this one was stored for every member.
  private Pointers at;

  // facts about the record's persons, gathered before the walk
  // the ids of the persons a reference to whom the walk treats apart: those the agreement does not
  // cover (dropped) and protected ones (with their guard). An open-addressed table on the id's
  // hash code, made at the first such person (null until then): one probe where two HashMap
  // look-ups were made for every person reference.
  private String[] refIds;
  private String[] refGuards;
  private boolean[] refDropped;
  private int refCount;
  // the digits of each distinct PSN of this record (one or two: an array, searched in place)
  private String[] psnDigits = NO_STRINGS;
  // normalised identifying values of protected and withheld persons, gathered by prepare() into
  // an open-addressed table on their hash (hashSlots, valueSlots: repeats dropped as they come;
  // made at the first value, many records have no protected person) and then indexed by
  // sealProtected() for the value scrub
  private int protectedCount;
  // the distinct values; null when there are none
  private String[] protectedArray;
  // the values of MIN_CONTAINED_LENGTH or more characters that start with an ASCII character, by
  // that character's low five bits (a list also holds values of other first characters, which
  // the comparison rejects at once)
  private String[][] longByFirstChar;
  // bits by character below 0x80: the first characters of the protected values
  private final long[] protectedFirst = new long[2];
  private String[] longNonAscii;
  // the value scrub normalises ASCII values here instead of into a new string
  private char[] scratch = NO_CHARS;
  long scratchHash;
  boolean scratchSame;
  // the fewest digits a PSN of this record has: a shorter string cannot spell one
  private int minPsnLength = Integer.MAX_VALUE;
  // each person object of the record (by identity) with its facts, in record order: the walk meets
  // them in the same order, so a cursor finds each at once
  private JsonNode[] personNodes = NO_NODES;
  private PersonFacts[] personFacts;
  private int personCount;
  private int personCursor;
  // a protected person's id recurs in events, relations and holders: one HMAC per value
  private final Map<TokenKey, TextNode> tokens = new HashMap<>();
  private String localIdDomain;
  private int minProtectedLength = Integer.MAX_VALUE;
  // the protected values by their hash (the equality test: one or two probes where a binary search
  // over sorted hashes took several unpredictable branches)
  // (each value's hash folded to an int: a filter before the full comparison)
  private int[] hashSlots;
  private String[] valueSlots;
  // bits by pair of adjacent characters (see bigram): the first two characters of the values
  // longByFirstChar lists, so that the containment search looks at candidates only where a value
  // may start
  private long[] protectedBigrams;
  private static final int BIGRAM_BITS = 1024;
  private static final String[] NO_STRINGS = new String[0];
  private static final JsonNode[] NO_NODES = new JsonNode[0];
  private static final char[] NO_CHARS = new char[0];
  private String recordId = "";
  // the members released so far of the objects being walked (MINIMISE only), name and value by
  // turns: an object's members sit above those of its enclosing objects until it is done, and then
  // go into a map of the exact size. A map made at the first member released, as large as the
  // input object, held room for every member withheld, and was made for objects that were then
  // dropped whole.
  private Object[] memberStack = new Object[64];
  private int memberTop;

  // context of the entity being walked
  private int slot = CompiledPolicy.NO_CATEGORY;
  private String personGuard;
  private String linkedGuard;
  private boolean linkedDropped;
  private boolean pendingAgeBand;
  private JsonNode currentAddress;

  /**
   * A token cache key. A plain class, not a record: a record's equals and hashCode go through an
   * invokedynamic bootstrap, and one JFR profile put 16% of a walk's samples in TokenKey.equals
   * under HashMap.put (perhaps misattributed; with plain methods the question does not arise).
   */
  private static final class TokenKey {
    final String domain;
    final String value;
    final int hash;

    TokenKey(String domain, String value) {
      this.domain = domain;
      this.value = value;
      this.hash = 31 * domain.hashCode() + value.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TokenKey k
          && hash == k.hash
          && domain.equals(k.domain)
          && value.equals(k.value);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private record PersonFacts(
      DataSubjectCategory category, boolean allowed, String status, String guard) {}

  RecordWalk(CompiledPolicy policy, Mode mode, PseudonymKey key, LocalDate today) {
    this.policy = policy;
    this.mode = mode;
    this.key = key;
    this.today = today;
    this.at = Pointers.root();
    this.decisions =
        mode == Mode.MINIMISE ? new MinimisationReport.Builder(policy.reportSizeHint()) : null;
  }

  JsonNode run(JsonNode record) {
    recordId = record.path("recordId").asText("");
    prepare(record);
    return visit(record, root);
  }

  // ---------------------------------------------------------------- facts about persons

  private void prepare(JsonNode record) {
    // arrays by index: their iterators were allocated (the iterating call is not inlined here);
    // anything else that is iterable (an object where an array belongs) is iterated as before
    JsonNode persons = record.path("persons");
    if (persons instanceof ArrayNode a) {
      for (int k = 0, n = a.size(); k < n; k++) {
        preparePerson(a.get(k));
      }
    } else {
      for (JsonNode p : persons) {
        preparePerson(p);
      }
    }
    // identifiers of accounts, phones and documents of protected or withheld persons
    if (refCount > 0) {
      collectLinked(record.path("financialAccounts"), "holder", "identifier");
      collectLinked(record.path("communicationIdentifiers"), "user", "value");
      collectLinked(record.path("documents"), "holder", "number");
    }
    if (protectedCount > 0) {
      sealProtected();
    }
  }

  private void preparePerson(JsonNode p) {
    if (!p.isObject()) {
      return;
    }
    JsonNode idNode = p.get("id");
    String id = idNode != null && idNode.isTextual() ? idNode.textValue() : null;
    DataSubjectCategory cat = category(p.path("category").asText(""));
    boolean allowed =
        cat != null && policy.agreement().dataSubjectCategories().contains(cat) && id != null;
    String status = minorStatus(p, cat);
    String guard = null;
    JsonNode victimContext = p.path("victimContext");
    if (victimContext.path("identityNonDisclosure").asBoolean(false)) {
      guard = VP_NON_DISCLOSURE;
    } else if ("MINOR".equals(status)
        || "PRESUMED_MINOR".equals(status)
        || victimContext.path("ageWhenTrafficked").asInt(99) < 18) {
      guard = VP_MINOR;
    }
    addPerson(p, new PersonFacts(cat, allowed, status, guard));
    if (id != null) {
      if (!allowed) {
        addRef(id, true, null);
      } else if (guard != null) {
        addRef(id, false, guard);
      }
    }
    for (JsonNode ident : p.path("identifiers")) {
      if (isPsnIdentifier(ident, "value")) {
        String d = digits(ident.path("value").asText(""));
        if (!d.isEmpty()) {
          addPsn(d);
          minPsnLength = Math.min(minPsnLength, d.length());
        }
      }
    }
    if (guard != null || !allowed) {
      collectIdentifyingValues(p);
    }
  }

  /** Records that {@code id} is dropped, or protected by {@code guard} (a later guard wins). */
  private void addRef(String id, boolean dropped, String guard) {
    int i = refIndex(id);
    if (i < 0) {
      if (refIds == null || 2 * (refCount + 1) > refIds.length) {
        growRefs();
      }
      int mask = refIds.length - 1;
      i = spread(id.hashCode()) & mask;
      while (refIds[i] != null) {
        i = (i + 1) & mask;
      }
      refIds[i] = id;
      refCount++;
    }
    if (dropped) {
      refDropped[i] = true;
    }
    if (guard != null) {
      refGuards[i] = guard;
    }
  }

  private void growRefs() {
    String[] ids = refIds;
    String[] guards = refGuards;
    boolean[] dropped = refDropped;
    int size = ids == null ? 16 : ids.length * 2;
    refIds = new String[size];
    refGuards = new String[size];
    refDropped = new boolean[size];
    if (ids != null) {
      for (int k = 0; k < ids.length; k++) {
        if (ids[k] != null) {
          int i = spread(ids[k].hashCode()) & (size - 1);
          while (refIds[i] != null) {
            i = (i + 1) & (size - 1);
          }
          refIds[i] = ids[k];
          refGuards[i] = guards[k];
          refDropped[i] = dropped[k];
        }
      }
    }
  }

  /** The slot of a dropped or protected person's id, or -1. */
  private int refIndex(String id) {
    String[] ids = refIds;
    if (ids == null) {
      return -1;
    }
    int mask = ids.length - 1;
    for (int i = spread(id.hashCode()) & mask; ; i = (i + 1) & mask) {
      String k = ids[i];
      if (k == null) {
        return -1;
      }
      if (k == id || k.equals(id)) {
        return i;
      }
    }
  }

  private static int spread(int h) {
    return h ^ (h >>> 16);
  }

  /** Whether {@code id} is the id of a person the agreement does not cover. */
  private boolean isDropped(String id) {
    int i = refIndex(id);
    return i >= 0 && refDropped[i];
  }

  /** The guard of a protected person's id, or null. */
  private String guardOf(String id) {
    int i = refIndex(id);
    return i < 0 ? null : refGuards[i];
  }

  private void addPerson(JsonNode p, PersonFacts facts) {
    if (personCount == personNodes.length) {
      int n = Math.max(8, personCount * 2);
      personNodes = Arrays.copyOf(personNodes, n);
      personFacts = personFacts == null ? new PersonFacts[n] : Arrays.copyOf(personFacts, n);
    }
    personNodes[personCount] = p;
    personFacts[personCount] = facts;
    personCount++;
  }

  /** The facts prepare() gathered about this person object (the same object), or null. */
  private PersonFacts factsOf(JsonNode p) {
    int c = personCursor;
    if (c < personCount && personNodes[c] == p) {
      personCursor = c + 1;
      return personFacts[c];
    }
    for (int k = 0; k < personCount; k++) {
      if (personNodes[k] == p) {
        personCursor = k + 1;
        return personFacts[k];
      }
    }
    return null;
  }

  private void collectLinked(JsonNode items, String ref, String field) {
    for (JsonNode it : items) {
      String owner = it.path(ref).asText(null);
      if (owner != null && refIndex(owner) >= 0) {
        addProtectedValue(it.path(field).asText(""));
      }
    }
  }

  private void collectIdentifyingValues(JsonNode p) {
    JsonNode names = p.path("names");
    if (names instanceof ArrayNode a) {
      for (int k = 0, n = a.size(); k < n; k++) {
        collectName(a.get(k));
      }
    } else {
      for (JsonNode n : names) {
        collectName(n);
      }
    }
    collectValues(p.path("identifiers"), "value");
    collectValues(p.path("contacts"), "value");
  }

  private void collectName(JsonNode n) {
    addProtectedValue(n.path("full").asText(""));
    collectValues(n.path("parts"), "value");
  }

  /** The member {@code field} of each item of {@code items}, as protected values. */
  private void collectValues(JsonNode items, String field) {
    if (items instanceof ArrayNode a) {
      for (int k = 0, n = a.size(); k < n; k++) {
        addProtectedValue(a.get(k).path(field).asText(""));
      }
    } else {
      for (JsonNode it : items) {
        addProtectedValue(it.path(field).asText(""));
      }
    }
  }

  private void addProtectedValue(String v) {
    if (PseudonymKey.isToken(v)) {
      return;
    }
    String n;
    long h;
    int len = normaliseAsciiValue(v);
    if (len >= 0) {
      // ASCII: normalised and hashed in one pass (the same form as normalise, the same hash as
      // normalisedHash); a value already in normal form (numbers, handles) is kept as it is
      if (len == 0) {
        return;
      }
      n = scratchSame ? v : new String(scratch, 0, len);
      h = scratchHash;
    } else {
      n = normalise(v);
      if (n.isEmpty()) {
        return;
      }
      h = normalisedHash(n);
    }
    if (valueSlots == null || 2 * (protectedCount + 1) > valueSlots.length) {
      growProtected();
    }
    String[] vs = valueSlots;
    int[] hs = hashSlots;
    int mask = vs.length - 1;
    int f = fold(h);
    int i = slotOf(f, mask);
    for (; vs[i] != null; i = (i + 1) & mask) {
      if (hs[i] == f && vs[i].equals(n)) {
        return; // a repeat (a name often recurs across a person's name records)
      }
    }
    hs[i] = f;
    vs[i] = n;
    protectedCount++;
  }

  private void growProtected() {
    String[] vs = valueSlots;
    int[] hs = hashSlots;
    int size = vs == null ? 64 : vs.length * 2;
    valueSlots = new String[size];
    hashSlots = new int[size];
    if (vs != null) {
      for (int k = 0; k < vs.length; k++) {
        if (vs[k] != null) {
          int i = slotOf(hs[k], size - 1);
          while (valueSlots[i] != null) {
            i = (i + 1) & (size - 1);
          }
          valueSlots[i] = vs[k];
          hashSlots[i] = hs[k];
        }
      }
    }
  }

  /** The first {@code len} characters of the scratch buffer (for tests). */
  char[] scratchCopy(int len) {
    return Arrays.copyOf(scratch, len);
  }

  /**
   * Normalises the ASCII value {@code v} into the scratch buffer as {@link #normalise} would
   * (trimmed, runs of white space as one space, lower case), in one pass over the string, and
   * returns the length; or -1, with the buffer undefined, when {@code v} is not ASCII. Sets {@link
   * #scratchHash} and {@link #scratchSame}: whether the normal form is {@code v} itself (no upper
   * case, no white space other than single inner spaces).
   */
  int normaliseAsciiValue(String v) {
    int length = v.length();
    char[] b = scratch;
    if (b.length < length) {
      b = scratch = new char[Math.max(length, Math.max(64, b.length * 2))];
    }
    int len = 0;
    long h = 0xcbf29ce484222325L;
    boolean space = false;
    boolean same = true;
    for (int i = 0; i < length; i++) {
      char c = v.charAt(i);
      if (c >= 0x80) {
        return -1;
      }
      if (isAsciiWhitespace(c)) {
        space = len > 0;
        if (c != ' ') {
          same = false; // a tab or line break becomes a space
        }
      } else {
        if (space) {
          b[len++] = ' ';
          h = (h ^ ' ') * 0x100000001b3L;
          space = false;
        }
        char l = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        if (l != c) {
          same = false;
        }
        b[len++] = l;
        h = (h ^ l) * 0x100000001b3L;
      }
    }
    scratchHash = h;
    // same length: no white space was dropped (at the ends, or runs), so each space stayed
    scratchSame = same && len == length;
    return len;
  }

  /**
   * Indexes the protected values for the scrub: the longer ones by first character and by their
   * first two, the first characters of all, the shortest length.
   */
  private void sealProtected() {
    String[] slots = valueSlots;
    String[] all = new String[protectedCount];
    // how many long values start with each character (by its low five bits; 32: not ASCII), then
    // the lists filled
    int[] perFirst = new int[33];
    int size = 0;
    for (String n : slots) {
      if (n == null) {
        continue;
      }
      all[size++] = n;
      minProtectedLength = Math.min(minProtectedLength, n.length());
      char first = n.charAt(0);
      if (first < 0x80) {
        protectedFirst[first >>> 6] |= 1L << first;
      }
      if (n.length() >= MIN_CONTAINED_LENGTH) {
        perFirst[first < 0x80 ? first & 31 : 32]++;
      }
    }
    String[][] byFirst = new String[32][];
    long[] bigrams = new long[BIGRAM_BITS / 64];
    String[] nonAscii = perFirst[32] == 0 ? NO_STRINGS : new String[perFirst[32]];
    int nonAsciiCount = 0;
    for (String n : all) {
      if (n.length() >= MIN_CONTAINED_LENGTH) {
        char c = n.charAt(0);
        if (c < 128) {
          int bit = bigram(c, n.charAt(1));
          bigrams[bit >>> 6] |= 1L << bit;
          int k = c & 31;
          String[] list = byFirst[k];
          if (list == null) {
            list = byFirst[k] = new String[perFirst[k]];
            perFirst[k] = 0;
          }
          list[perFirst[k]++] = n;
        } else {
          nonAscii[nonAsciiCount++] = n;
        }
      }
    }
    protectedArray = all;
    longByFirstChar = byFirst;
    protectedBigrams = bigrams;
    longNonAscii = nonAscii;
  }

  /** Whether the normalised value {@code n} is one of the protected values. */
  private boolean isProtectedValue(String n) {
    for (String v : protectedArray) {
      if (v.equals(n)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the first {@code len} characters of the scratch buffer (of hash {@code hash}) are a
   * protected value: the hash first, the full comparison on a hit.
   */
  private boolean isProtected(char[] b, int len, long hash) {
    int[] hs = hashSlots;
    String[] vs = valueSlots;
    int mask = hs.length - 1;
    int f = fold(hash);
    for (int i = slotOf(f, mask); ; i = (i + 1) & mask) {
      String v = vs[i];
      if (v == null) {
        return false;
      }
      if (hs[i] == f && v.length() == len && startsWith(b, len, 0, v)) {
        return true;
      }
    }
  }

  /** Whether some protected value may have the hash {@code hash} (its folded hash is there). */
  private boolean hasProtectedHash(long hash) {
    int[] hs = hashSlots;
    String[] vs = valueSlots;
    int mask = hs.length - 1;
    int f = fold(hash);
    for (int i = slotOf(f, mask); vs[i] != null; i = (i + 1) & mask) {
      if (hs[i] == f) {
        return true;
      }
    }
    return false;
  }

  private static int fold(long hash) {
    return (int) (hash ^ (hash >>> 32));
  }

  private static int slotOf(int fold, int mask) {
    return (fold ^ (fold >>> 16)) & mask;
  }

  /** The bit of two adjacent characters in {@link #protectedBigrams}. */
  private static int bigram(char first, char second) {
    return (first * 31 + second) & (BIGRAM_BITS - 1);
  }

  /**
   * MINOR, PRESUMED_MINOR, ADULT or null. Certain minority (stated, an age band, a birth date that
   * makes the person under 18 in every reading) wins over a stated ADULT; a partial birth date that
   * leaves the person either side of 18 counts as a stated status says, else as a presumed minor; a
   * victim with no age evidence at all is presumed a minor (Palermo Protocol, UNICEF guidelines).
   */
  private String minorStatus(JsonNode p, DataSubjectCategory cat) {
    String stated = p.path("minorStatus").asText("");
    String band = p.path("ageBand").asText("");
    int[] range = AgeBands.ageRange(p.get("dateOfBirth"), today);
    if ("MINOR".equals(stated) || AgeBands.isMinorBand(band) || (range != null && range[1] < 18)) {
      return "MINOR";
    }
    if ("PRESUMED_MINOR".equals(stated)) {
      return "PRESUMED_MINOR";
    }
    if ("ADULT".equals(stated) || AgeBands.isAdultBand(band)) {
      return "ADULT";
    }
    if (range != null) {
      return range[0] < 18 ? "PRESUMED_MINOR" : "ADULT";
    }
    if (cat == DataSubjectCategory.VICTIM || cat == DataSubjectCategory.POTENTIAL_VICTIM) {
      return "PRESUMED_MINOR";
    }
    return null;
  }

  private static final DataSubjectCategory[] CATEGORIES = DataSubjectCategory.values();

  private static final Map<String, DataSubjectCategory> CATEGORY_BY_NAME = categoriesByName();

  private static Map<String, DataSubjectCategory> categoriesByName() {
    Map<String, DataSubjectCategory> m = new HashMap<>();
    for (DataSubjectCategory c : CATEGORIES) {
      m.put(c.name(), c);
    }
    return m;
  }

  private static DataSubjectCategory category(String s) {
    return CATEGORY_BY_NAME.get(s);
  }

  // ---------------------------------------------------------------- the walk

  // The walk's loops (visitObject, visitArray) inline the leaf decision (visitLeaf, kept small) and
  // call this method for every container: it holds the checks on whole entities and is larger
  // than the JIT inlines into a hot caller, so a loop does not spend its inlining budget on it.
  // (When the array loop sat in here as well, the rare paths used up that budget and the loop
  // called even ArrayNode.get and Pointers.item out of line.)
  private JsonNode visit(JsonNode in, CanonicalSchema.Node sn) {
    if (sn == null) {
      return withholdAll(in, null, NOT_IN_SCHEMA);
    }
    // most nodes are leaves: a type test first spares two virtual calls on them
    if (in instanceof ValueNode) {
      return sn.isContainer() ? withholdAll(in, sn, NOT_IN_SCHEMA) : visitLeaf(in, sn, at);
    }
    if (in instanceof ArrayNode a) {
      return sn.items == null ? withholdAll(in, sn, NOT_IN_SCHEMA) : visitArray(a, sn);
    }
    if (!in.isObject()) {
      return sn.isContainer() ? withholdAll(in, sn, NOT_IN_SCHEMA) : visitLeaf(in, sn, at);
    }
    if (sn.items != null || !sn.isContainer()) {
      return withholdAll(in, sn, NOT_IN_SCHEMA);
    }
    if (!sn.entity) {
      return visitObject(in, sn);
    }
    // an item of persons, identifiers, documents, relations, accounts or communication
    // identifiers: the entity as a whole first
    if (sn == personItem) {
      return visitPerson(in, sn);
    }
    if (sn == identifierItem && isPsnIdentifier(in, "value")) {
      return withholdAll(in, sn, VP_PSN);
    }
    if (sn == documentItem && isPsnIdentifier(in, "number")) {
      return withholdAll(in, sn, VP_PSN);
    }
    if (sn == relationItem) {
      String from = in.path("from").asText("");
      String to = in.path("to").asText("");
      if (isDropped(from) || isDropped(to)) {
        return withholdAll(in, sn, AGREEMENT_CATEGORY);
      }
      if ("FAMILY_OF".equals(in.path("type").asText())
          && (guardOf(from) != null || guardOf(to) != null)) {
        return withholdAll(in, sn, VP_FAMILY_RELATION);
      }
    }
    if (sn == accountItem || sn == commItem || sn == documentItem) {
      String owner = in.path(sn == commItem ? "user" : "holder").asText("");
      String savedGuard = linkedGuard;
      boolean savedDropped = linkedDropped;
      int ref = refIndex(owner);
      linkedGuard = ref < 0 ? null : refGuards[ref];
      linkedDropped = ref >= 0 && refDropped[ref];
      try {
        return visitObject(in, sn);
      } finally {
        linkedGuard = savedGuard;
        linkedDropped = savedDropped;
      }
    }
    return visitObject(in, sn);
  }

  private JsonNode visitArray(ArrayNode in, CanonicalSchema.Node sn) {
    boolean minimise = mode == Mode.MINIMISE;
    ArrayNode out = null; // made at the first item released
    int len = path.length();
    Pointers here = at;
    CanonicalSchema.Node item = sn.items;
    boolean leafItems = !item.container;
    int size = in.size();
    // by index: an iterator here was allocated per array (no escape analysis across visit)
    for (int i = 0; i < size; i++) {
      JsonNode v = in.get(i);
      Pointers p = here == null ? null : here.item(i);
      if (p == null) {
        sync(here, len).append('/').append(i);
      }
      JsonNode o;
      if (leafItems && v instanceof ValueNode) {
        o = visitLeaf(v, item, p);
      } else {
        at = p;
        o = visit(v, item);
      }
      if (o != null && minimise) {
        if (out == null) {
          out = F.arrayNode(size);
        }
        out.add(o);
      }
    }
    at = here;
    return out;
  }

  private JsonNode visitPerson(JsonNode in, CanonicalSchema.Node sn) {
    PersonFacts facts = factsOf(in);
    if (facts == null || !facts.allowed()) {
      return withholdAll(in, sn, AGREEMENT_CATEGORY);
    }
    slot = facts.category().ordinal();
    personGuard = facts.guard();
    pendingAgeBand = false;
    try {
      JsonNode out = visitObject(in, sn);
      if (out instanceof ObjectNode o) {
        if (pendingAgeBand && !o.has("ageBand")) {
          String band = AgeBands.bandOf(in.get("dateOfBirth"), today);
          if (band != null) {
            o.put("ageBand", band);
          }
        }
        // the receiver must be able to protect the person in turn
        if (facts.status() != null) {
          o.put("minorStatus", facts.status());
        }
      }
      return out;
    } finally {
      slot = CompiledPolicy.NO_CATEGORY;
      personGuard = null;
      pendingAgeBand = false;
    }
  }

  private JsonNode visitObject(JsonNode in, CanonicalSchema.Node sn) {
    int mark = decisions == null ? 0 : decisions.size();
    boolean minimise = mode == Mode.MINIMISE;
    // the output object's members go on the member stack from here
    int base = memberTop;
    // the nearest enclosing address (generalisation reads it); only an address changes it
    JsonNode savedAddress = null;
    if (sn.isAddress) {
      savedAddress = currentAddress;
      currentAddress = in;
    }
    int len = path.length();
    Pointers here = at;
    // the shared pointers of this object's members are found by the schema's slot of each name
    boolean slots = here != null && here.schema == sn;
    int members = 0;
    // bits by property ordinal (see CanonicalSchema.Node#maskable): members present, released
    long present = 0;
    long kept = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      members++;
      String name = e.getKey();
      int slot = sn.slot(name);
      if (slot < 0) {
        // a field the schema does not have: its name may itself be personal data, so the report
        // and any error name only where it was
        sync(here, len).append("/").append(UNKNOWN_FIELD);
        at = null;
        withhold(e.getValue(), null, NOT_IN_SCHEMA);
        continue;
      }
      Pointers p = slots ? here.property(slot, name) : null;
      CanonicalSchema.Node child;
      if (p != null) {
        child = p.schema; // the same node as sn.nodeAt(slot), on an object read next anyway
      } else {
        child = sn.nodeAt(slot);
        appendSegment(sync(here, len), name);
      }
      JsonNode v = e.getValue();
      JsonNode o;
      if (v instanceof ValueNode && !child.container && sn != root) {
        // the common case straight to the leaf (what visit would do, one call less); the leaf's
        // decisions stay in visitLeaf alone: a second copy of their order here (measured +5%,
        // inside this machine's noise) would be one more place to keep victim protection right
        o = visitLeaf(v, child, p);
      } else {
        at = p;
        o =
            sn == root && !sectionAllowed(name)
                ? withholdAll(v, child, AGREEMENT_RECORD_TYPE)
                : visit(v, child);
      }
      long bit = 1L << child.ordinal;
      present |= bit;
      if (o != null && minimise) {
        kept |= bit;
        // input member names are unique, and each is visited once
        pushMember(name, o);
      }
    }
    at = here;
    if (sn.isAddress) {
      currentAddress = savedAddress;
    }
    if (!minimise) {
      return null;
    }
    // this object's members stay readable above the top until the next push (none below)
    int top = memberTop;
    memberTop = base;
    int released = (top - base) >> 1;
    boolean masks = sn.maskable;
    if (sn.isNameRecord
        && (released == 0
            || (masks
                ? (kept & sn.nameMask) == 0
                : !hasMember(base, top, "full") && !hasMember(base, top, "parts")))) {
      // a name record without a name says only that a name exists: it goes whole
      demote(mark, REQUIRED_FIELD_WITHHELD);
      return null;
    }
    // only an object that lost members can have lost a required one
    if (sn != root && released < members) {
      if (masks) {
        if ((present & ~kept & sn.requiredMask) != 0) {
          // an object without a required member would be invalid: it goes whole
          demote(mark, REQUIRED_FIELD_WITHHELD);
          return null;
        }
      } else {
        for (String req : sn.requiredArray) {
          if (in.has(req) && !hasMember(base, top, req)) {
            demote(mark, REQUIRED_FIELD_WITHHELD);
            return null;
          }
        }
      }
    }
    if (released == 0 && sn != root) {
      return null;
    }
    // a person gets up to two members more (ageBand, minorStatus: see visitPerson)
    FieldMap out = FieldMap.copyOf(memberStack, base, released, sn == personItem ? 2 : 0);
    return new ObjectNode(F, out);
  }

  private void pushMember(String name, JsonNode value) {
    Object[] m = memberStack;
    int t = memberTop;
    if (t + 2 > m.length) {
      m = memberStack = Arrays.copyOf(m, m.length * 2);
    }
    m[t] = name;
    m[t + 1] = value;
    memberTop = t + 2;
  }

  /** Whether the member stack holds the name {@code name} between {@code from} and {@code to}. */
  private boolean hasMember(int from, int to, String name) {
    Object[] m = memberStack;
    for (int i = from; i < to; i += 2) {
      if (name.equals(m[i])) {
        return true;
      }
    }
    return false;
  }

  private boolean sectionAllowed(String name) {
    RecordType t = RecordType.ofSection(name);
    return t == null || policy.agreement().recordTypes().contains(t);
  }

  // What leafAside is asked to decide.
  private static final int ASIDE_PSN = 0;
  private static final int ASIDE_PERSON_REFERENCE = 1;
  private static final int ASIDE_GUARDED = 2;
  private static final int ASIDE_RULE = 3;

  /**
   * The decision for one leaf, in this order: the PSN never leaves; a reference to a person the
   * agreement does not cover, or to a protected person; no rule (default withhold, free text
   * withheld unless a rule names it); a leaf victim protection guards; then the rule. This method
   * is the only place that order is written. It settles the common outcomes itself (a rule's plain
   * release or withhold, the default withhold) with one report entry at the end, and hands every
   * other one to {@link #leafAside}, which is too large for the JIT to inline, to keep the rare
   * paths out of this method's compiled code. (Its bytecode is small enough to inline into the
   * walk's loops, but C2 usually compiles it on its own first, and its machine code is then above
   * InlineSmallCode, so the loops call it: -XX:+PrintInlining says "already compiled into a big
   * method" on JDK 17.)
   */
  private JsonNode visitLeaf(JsonNode in, CanonicalSchema.Node sn, Pointers p) {
    Rule r = policy.rule(sn, slot);
    String text = in instanceof TextNode t ? t.textValue() : null;
    if (text != null) {
      // minPsnLength is MAX_VALUE when the record has no PSN
      if (text.length() >= minPsnLength && isPsn(text)) {
        at = p;
        return leafAside(ASIDE_PSN, in, sn, text, r);
      }
      // a dropped or protected person (every entry of the table is one or the other)
      if (sn.personReference && refIndex(text) >= 0) {
        at = p;
        return leafAside(ASIDE_PERSON_REFERENCE, in, sn, text, r);
      }
    }
    FieldAction action = FieldAction.WITHHOLD;
    String ruleId;
    JsonNode out = null;
    if (r == null) {
      ruleId = sn.kind == CanonicalSchema.Kind.FREE_TEXT ? VP_FREE_TEXT : DEFAULT_WITHHOLD;
    } else if (isGuarded(sn)) {
      at = p;
      return leafAside(ASIDE_GUARDED, in, sn, text, r);
    } else if (r.action() == FieldAction.WITHHOLD) {
      ruleId = r.id();
    } else if (r.action() == FieldAction.RELEASE
        && (text == null || !sn.freeString || protectedArray == null)) {
      // nothing a protected person's value could hide in (else release() scrubs it)
      action = FieldAction.RELEASE;
      ruleId = r.id();
      out = in;
    } else {
      at = p;
      return leafAside(ASIDE_RULE, in, sn, text, r);
    }
    return emit(p, in, sn, action, ruleId, out);
  }

  /**
   * Whether victim protection guards this leaf here: an identifying leaf of a protected person, or
   * an identifier of an account, phone or document held by a protected or withheld person.
   */
  private boolean isGuarded(CanonicalSchema.Node sn) {
    return (personGuard != null && sn.guardedForProtectedPerson)
        || (sn.guardedForLinkedEntity && (linkedGuard != null || linkedDropped));
  }

  /**
   * The outcomes of {@link #visitLeaf} that are not a plain release or withhold: {@code why} says
   * which step of its order was reached. One method on purpose (and larger than the JIT inlines
   * into a hot caller), so that these paths stay out of visitLeaf's compiled code.
   */
  private JsonNode leafAside(int why, JsonNode in, CanonicalSchema.Node sn, String text, Rule r) {
    switch (why) {
      case ASIDE_PSN -> {
        return withhold(in, sn, VP_PSN);
      }
      case ASIDE_PERSON_REFERENCE -> {
        // a reference to a person the agreement does not cover, or to a protected person
        if (isDropped(text)) {
          return withhold(in, sn, AGREEMENT_CATEGORY);
        }
        if (r == null || r.action() == FieldAction.WITHHOLD) {
          return withhold(in, sn, r == null ? DEFAULT_WITHHOLD : r.id());
        }
        String domain = localIdDomain;
        if (domain == null) {
          domain = localIdDomain = "localId\u0000" + recordId;
        }
        return pseudonymise(in, sn, domain, VP_LOCAL_ID);
      }
      case ASIDE_GUARDED -> {
        // a leaf of a protected person, or of an account, phone or document held by a protected
        // person or by one the agreement does not cover
        String guard;
        if (personGuard != null && sn.guardedForProtectedPerson) {
          guard = personGuard;
        } else if (linkedGuard != null && sn.guardedForLinkedEntity) {
          guard = linkedGuard;
        } else {
          // held by a person the agreement does not cover
          return withhold(in, sn, AGREEMENT_CATEGORY);
        }
        FieldAction action = r.action();
        Generalisation g = r.generaliseTo();
        if (action != FieldAction.WITHHOLD) {
          if (sn.kind == CanonicalSchema.Kind.FREE_TEXT) {
            return withhold(in, sn, guard);
          }
          switch (action) {
            case RELEASE -> {
              return withhold(in, sn, guard);
            }
            case PSEUDONYMISE -> {
              if (!(r.protectedVictims() && policy.purpose() == Purpose.VICTIM_PROTECTION)) {
                return withhold(in, sn, guard);
              }
            }
            case GENERALISE -> {
              if (sn.underDateOfBirth
                  && (g == Generalisation.YEAR || g == Generalisation.AGE_BAND)) {
                g = Generalisation.AGE_BAND;
              } else if (g == Generalisation.ADMIN_AREA) {
                g = Generalisation.COUNTRY;
              } else if (g == Generalisation.YEAR) {
                return withhold(in, sn, guard);
              }
            }
            default -> {}
          }
        }
        return apply(in, sn, text, r, g);
      }
      default -> {
        return apply(in, sn, text, r, r.generaliseTo());
      }
    }
  }

  /** The rule's action ({@code g}: its generalisation, or the one a guard narrowed it to). */
  private JsonNode apply(
      JsonNode in, CanonicalSchema.Node sn, String text, Rule r, Generalisation g) {
    return switch (r.action()) {
      case WITHHOLD -> withhold(in, sn, r.id());
      case RELEASE -> release(in, sn, text, r.id());
      case PSEUDONYMISE -> {
        // under a pseudonymised object only identifying strings (or the named field) become
        // tokens; other strings and dates are withheld, codes and flags pass
        if (sn.freeString
            && text != null
            && (sn.kind == CanonicalSchema.Kind.IDENTIFYING || sn.path.equals(r.path()))) {
          yield pseudonymise(in, sn, sn.path, r.id());
        }
        yield sn.freeString || sn.dateAnchor != null
            ? withhold(in, sn, r.id())
            : release(in, sn, text, r.id());
      }
      case GENERALISE -> generalise(in, sn, text, g, r.id());
    };
  }

  private JsonNode release(JsonNode in, CanonicalSchema.Node sn, String text, String ruleId) {
    if (text != null && sn.freeString && protectedArray != null && matchesProtected(text, sn)) {
      return withhold(in, sn, VP_VALUE_MATCH);
    }
    return emit(in, sn, FieldAction.RELEASE, ruleId, in);
  }

  /**
   * Whether a value about to be released repeats an identifying value of a protected person (a
   * suspect recorded under a victim's name, a victim's phone among a suspect's contacts). Free text
   * is searched for every such value, however short.
   */
  private boolean matchesProtected(String text, CanonicalSchema.Node sn) {
    int length = text.length();
    if (!sn.scrubContained && !mayEqualProtected(text)) {
      return false;
    }
    if (length < minProtectedLength && isAscii(text)) {
      // normalising ASCII never lengthens it: too short to equal or contain a protected value
      return false;
    }
    int len = normaliseAsciiValue(text);
    if (len >= 0) {
      return matchesProtectedAscii(len, sn);
    }
    boolean freeText = sn.kind == CanonicalSchema.Kind.FREE_TEXT;
    // NFKC is the dear part here: the value is normalised once. Equality with a protected value is
    // a plain comparison with each (isProtected(n, normalisedHash(n)) said the same, since every
    // stored hash is normalisedHash of its value, at the price of normalising n again).
    String n = normalise(text);
    if (!sn.scrubContained) {
      // equality only: the hash of the normalised form first (normalisedHash(text), from n)
      if (!hasProtectedHash(hashOfNormalised(n))) {
        return false;
      }
      return isProtectedValue(n);
    }
    if (isProtectedValue(n)) {
      return true;
    }
    if (freeText) {
      for (String v : protectedArray) {
        if (n.contains(v)) {
          return true;
        }
      }
      return false;
    }
    // containment of the longer values, indexed by first character: a few candidates per position
    String[][] byFirst = longByFirstChar;
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      String[] candidates = c < 128 ? byFirst[c & 31] : null;
      if (candidates != null) {
        for (String v : candidates) {
          if (n.startsWith(v, i)) {
            return true;
          }
        }
      }
    }
    if (longNonAscii.length > 0 && !isAscii(n)) {
      for (String v : longNonAscii) {
        if (n.contains(v)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * False when an ASCII value cannot equal a protected value once normalised: it is blank, too
   * short, or its first character (lower case) starts no protected value. True otherwise, and for
   * every value that is not ASCII (NFKC may change its first character; the full test decides).
   */
  private boolean mayEqualProtected(String text) {
    int n = text.length();
    int i = 0;
    char c = 0;
    for (; i < n; i++) {
      c = text.charAt(i);
      if (c >= 0x80) {
        return true;
      }
      if (!isAsciiWhitespace(c)) {
        break;
      }
    }
    if (i == n) {
      return false; // blank: normalises to "", which no protected value is
    }
    char l = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    if (n >= minProtectedLength && (protectedFirst[l >>> 6] & (1L << l)) != 0) {
      return true;
    }
    for (int k = i + 1; k < n; k++) {
      if (text.charAt(k) >= 0x80) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link #matchesProtected} for an ASCII value already normalised into the scratch buffer ({@code
   * len} characters) and hashed ({@link #normaliseAsciiValue}: the same form and hash as {@link
   * #normalise} and {@link #normalisedHash}): no string is built.
   */
  private boolean matchesProtectedAscii(int len, CanonicalSchema.Node sn) {
    char[] b = scratch;
    // equality: the hash first, the full comparison on a hit. The containment searches below find
    // an equal value too (free text: every value; else every value of MIN_CONTAINED_LENGTH or more,
    // all ASCII here), so where they run, equality is asked only of the shorter values.
    if ((!sn.scrubContained
            || (sn.kind != CanonicalSchema.Kind.FREE_TEXT
                && minProtectedLength < MIN_CONTAINED_LENGTH))
        && isProtected(b, len, scratchHash)) {
      return true;
    }
    if (!sn.scrubContained) {
      return false;
    }
    if (sn.kind == CanonicalSchema.Kind.FREE_TEXT) {
      // free text: every value, however short (a non-ASCII one cannot occur in ASCII text)
      for (String v : protectedArray) {
        if (contains(b, len, v)) {
          return true;
        }
      }
      return false;
    }
    // containment of the longer values, indexed by first character (all ASCII here); every one
    // has MIN_CONTAINED_LENGTH characters or more, so it starts no later than at last, and where
    // the two characters there start none of them, there are no candidates to compare
    String[][] byFirst = longByFirstChar;
    long[] bigrams = protectedBigrams;
    for (int i = 0, last = len - MIN_CONTAINED_LENGTH; i <= last; i++) {
      int bit = bigram(b[i], b[i + 1]);
      if ((bigrams[bit >>> 6] & (1L << bit)) == 0) {
        continue;
      }
      String[] candidates = byFirst[b[i] & 31];
      if (candidates != null) {
        for (String v : candidates) {
          if (startsWith(b, len, i, v)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean contains(char[] b, int len, String v) {
    for (int i = 0, last = len - v.length(); i <= last; i++) {
      if (startsWith(b, len, i, v)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWith(char[] b, int len, int from, String v) {
    int n = v.length();
    if (from + n > len) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (b[from + k] != v.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private JsonNode generalise(
      JsonNode in, CanonicalSchema.Node sn, String text, Generalisation g, String ruleId) {
    switch (g) {
      case YEAR -> {
        String rel = sn.belowDate;
        if ("/value".equals(rel)) {
          return text != null && text.length() >= 4 && isYear(text)
              ? emit(in, sn, FieldAction.GENERALISE, ruleId, TextNode.valueOf(text.substring(0, 4)))
              : withhold(in, sn, ruleId);
        }
        if ("/precision".equals(rel)) {
          return emit(in, sn, FieldAction.GENERALISE, ruleId, TextNode.valueOf("YEAR"));
        }
        return emit(in, sn, FieldAction.RELEASE, ruleId, in);
      }
      case AGE_BAND -> {
        pendingAgeBand = true;
        return emit(in, sn, FieldAction.GENERALISE, ruleId, null);
      }
      case ADMIN_AREA, COUNTRY -> {
        String rel = sn.belowAddress;
        if ("/country".equals(rel) || "/type".equals(rel)) {
          return emit(in, sn, FieldAction.RELEASE, ruleId, in);
        }
        if (g == Generalisation.ADMIN_AREA && rel != null && rel.startsWith("/adminArea/")) {
          int level =
              currentAddress == null ? 1 : currentAddress.path("adminArea").path("level").asInt(1);
          // only a first-level area (province, state) is coarse enough
          return level <= 1
              ? emit(in, sn, FieldAction.RELEASE, ruleId, in)
              : withhold(in, sn, ruleId);
        }
        return withhold(in, sn, ruleId);
      }
      case COUNTRY_CODE -> {
        String cc = sn.phoneLike ? CallingCodes.of(text) : null;
        return cc == null
            ? withhold(in, sn, ruleId)
            : emit(in, sn, FieldAction.GENERALISE, ruleId, TextNode.valueOf(cc));
      }
      default -> {
        return withhold(in, sn, ruleId);
      }
    }
  }

  private static boolean isYear(String text) {
    for (int i = 0; i < 4; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private JsonNode pseudonymise(JsonNode in, CanonicalSchema.Node sn, String domain, String id) {
    if (mode == Mode.CHECK) {
      if (!(in.isTextual() && PseudonymKey.isToken(in.textValue()))) {
        offending.add(pointer());
      }
      return null;
    }
    String value = in.asText();
    TokenKey k = new TokenKey(domain, value);
    TextNode token = tokens.get(k);
    if (token == null) {
      token = TextNode.valueOf(key.token(domain, value));
      tokens.put(k, token);
    }
    return emit(in, sn, FieldAction.PSEUDONYMISE, id, token);
  }

  private JsonNode withhold(JsonNode in, CanonicalSchema.Node sn, String ruleId) {
    return emit(in, sn, FieldAction.WITHHOLD, ruleId, null);
  }

  private JsonNode emit(
      JsonNode in, CanonicalSchema.Node sn, FieldAction action, String ruleId, JsonNode out) {
    return emit(at, in, sn, action, ruleId, out);
  }

  /** {@link #emit} at the position {@code p} (a shared pointer, or null: see {@link #path}). */
  private JsonNode emit(
      Pointers p,
      JsonNode in,
      CanonicalSchema.Node sn,
      FieldAction action,
      String ruleId,
      JsonNode out) {
    if (mode == Mode.CHECK) {
      // what arrived must be what the sender would have sent
      if (action == FieldAction.WITHHOLD || out == null || !out.equals(in)) {
        offending.add(p != null ? p.pointer : path.toString());
      }
      return null;
    }
    decisions.add(
        p == null
            ? new FieldDecision(path.toString(), canonical(sn), action, ruleId)
            : p.schema == sn
                ? p.decision(action, ruleId)
                : new FieldDecision(p.pointer, canonical(sn), action, ruleId));
    return out;
  }

  /** Withholds every leaf under {@code in}, reporting each with the same rule id. */
  private JsonNode withholdAll(JsonNode in, CanonicalSchema.Node sn, String ruleId) {
    if (in instanceof ValueNode) {
      withhold(in, sn, ruleId);
    } else if (in.isObject()) {
      int len = path.length();
      Pointers here = at;
      for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        CanonicalSchema.Node child = sn == null ? null : sn.property(e.getKey());
        if (child == null) {
          sync(here, len).append("/").append(UNKNOWN_FIELD);
          at = null;
          withhold(e.getValue(), null, ruleId);
        } else {
          at = here == null ? null : here.property(child, e.getKey());
          if (at == null) {
            appendSegment(sync(here, len), e.getKey());
          }
          withholdAll(e.getValue(), child, ruleId);
        }
      }
      at = here;
    } else if (in.isArray()) {
      int len = path.length();
      Pointers here = at;
      for (int i = 0; i < in.size(); i++) {
        at = here == null || sn == null ? null : here.item(i);
        if (at == null) {
          sync(here, len).append('/').append(i);
        }
        withholdAll(in.get(i), sn == null ? null : sn.items, ruleId);
      }
      at = here;
    } else {
      withhold(in, sn, ruleId);
    }
    return null;
  }

  /**
   * The path builder set to the parent's pointer before a child is appended: while a shared pointer
   * stands for the position, the builder is not kept up; else it is cut back to the parent's
   * length.
   */
  private StringBuilder sync(Pointers parent, int parentLength) {
    if (parent != null) {
      path.setLength(0);
      path.append(parent.pointer);
    } else {
      path.setLength(parentLength);
    }
    return path;
  }

  /** The JSON Pointer of the current position. */
  private String pointer() {
    Pointers p = at;
    return p != null ? p.pointer : path.toString();
  }

  private void demote(int from, String ruleId) {
    if (decisions == null) {
      return;
    }
    for (int i = from; i < decisions.size(); i++) {
      FieldDecision d = decisions.get(i);
      if (d.action() != FieldAction.WITHHOLD) {
        decisions.set(
            i, new FieldDecision(d.path(), d.canonicalPath(), FieldAction.WITHHOLD, ruleId));
      }
    }
  }

  private String canonical(CanonicalSchema.Node sn) {
    if (sn != null) {
      return sn.path;
    }
    return path.toString().replaceAll("/[0-9]+(?=/|$)", "/*");
  }

  private static void appendSegment(StringBuilder path, String name) {
    path.append('/');
    if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
      path.append(name);
      return;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '~') {
        path.append("~0");
      } else if (c == '/') {
        path.append("~1");
      } else {
        path.append(c);
      }
    }
  }

  /**
   * A PhilSys Number: scheme PH_PSN, or any other Philippine identifier or document number of 12
   * digits (the PSN has 12 digits; the PhilID card number PCN, which may be exchanged, has 16).
   */
  private static boolean isPsnIdentifier(JsonNode in, String valueField) {
    if ("PH_PSN".equals(in.path("scheme").asText())) {
      return true;
    }
    return "PH".equals(in.path("issuingCountry").asText())
        && !"PH_PCN".equals(in.path("scheme").asText())
        && countDigits(in.path(valueField).asText("")) == 12;
  }

  private void addPsn(String digits) {
    for (String d : psnDigits) {
      if (d.equals(digits)) {
        return;
      }
    }
    psnDigits = Arrays.copyOf(psnDigits, psnDigits.length + 1);
    psnDigits[psnDigits.length - 1] = digits;
  }

  /**
   * Whether the digits of {@code text} spell a PSN of this record. Most strings tested here have no
   * digit at all, or not a PSN's first one: String.indexOf (vectorised by the JIT) rules those out
   * without a loop over their characters here; a string that has it is compared digit by digit,
   * which stops at the first digit that differs.
   */
  private boolean isPsn(String text) {
    if (text.length() < minPsnLength) {
      return false; // fewer characters than the shortest PSN has digits
    }
    // the digits against each PSN in place (a record has one or two): no digit string per value
    for (String psn : psnDigits) {
      // digits equal to psn include its first digit (every stored PSN has at least one digit)
      if (text.indexOf(psn.charAt(0)) >= 0 && digitsEqual(text, psn)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the digits of {@code text}, in order, are exactly {@code digits}. */
  private static boolean digitsEqual(String text, String digits) {
    int k = 0;
    int n = digits.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        if (k == n || digits.charAt(k) != c) {
          return false;
        }
        k++;
      }
    }
    return k == n;
  }

  /** {@link Character#isWhitespace} for a character below 0x80. */
  private static boolean isAsciiWhitespace(char c) {
    return c == ' ' || (c <= 0x1F && (c >= 0x1C || (c >= 0x09 && c <= 0x0D)));
  }

  private static int countDigits(String s) {
    int count = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        count++;
      }
    }
    return count;
  }

  private static String digits(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * FNV-1a over the normalised form of {@code v}, without building it when {@code v} is ASCII;
   * equal normalised forms give equal hashes.
   */
  static long normalisedHash(String v) {
    return hashOfNormalised(isAscii(v) ? v : normalise(v));
  }

  /** The hash loop of {@link #normalisedHash} on {@code n} as it is ({@code normalise(v)}). */
  private static long hashOfNormalised(String n) {
    long h = 0xcbf29ce484222325L;
    boolean space = false;
    boolean started = false;
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.isWhitespace(c)) {
        space = started;
        continue;
      }
      if (space) {
        h = (h ^ ' ') * 0x100000001b3L;
        space = false;
      }
      started = true;
      char l = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      h = (h ^ l) * 0x100000001b3L;
    }
    return h;
  }

  /** NFKC, trimmed, runs of white space as one space, lower case (same as the pseudonym key). */
  static String normalise(String v) {
    boolean ascii = isAscii(v);
    String n = ascii ? v : Normalizer.normalize(v, Normalizer.Form.NFKC);
    char[] b = new char[n.length()];
    int len = 0;
    boolean space = false;
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.isWhitespace(c)) {
        space = len > 0;
      } else {
        if (space) {
          b[len++] = ' ';
          space = false;
        }
        b[len++] = ascii && c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
      }
    }
    String out = new String(b, 0, len);
    return ascii ? out : out.toLowerCase(Locale.ROOT);
  }

  private static boolean isAscii(String v) {
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
