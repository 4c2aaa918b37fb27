package org.fedgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fedgate.model.AgencyId;
import org.fedgate.model.DataSubjectCategory;
import org.fedgate.model.HandlingCode;
import org.fedgate.model.Purpose;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.PolicyError;
import org.fedgate.model.policy.FieldAction;
import org.fedgate.model.spi.VerifiedDocument;

/**
 * Loads exchange agreements. {@link #load} is what a gateway uses: the document's signatures have
 * been verified by the trust module, and the agreement counts only when both agencies signed it and
 * it is valid now. {@link #parse} checks everything but signatures and validity, for tools.
 */
public final class AgreementLoader {

  static final String SCHEMA_RESOURCE = "schemas/agreements/agreement-1.0.schema.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Schema SCHEMA = loadSchema();

  private AgreementLoader() {}

  /**
   * Loads a signed agreement.
   *
   * @throws FedgateException FG-3002 when a party has not signed, FG-3003 not yet valid, FG-3004
   *     expired, and every failure of {@link #parse}
   */
  public static Agreement load(VerifiedDocument document, Clock clock) {
    Agreement a = parse(document.payload());
    Set<AgencyId> signers = document.signers();
    for (AgencyId party : List.of(a.from(), a.to())) {
      if (!signers.contains(party)) {
        throw new FedgateException(
            PolicyError.AGREEMENT_NOT_SIGNED_BY_BOTH_PARTIES,
            "agreement " + a.id() + " v" + a.version() + ": no signature of " + party);
      }
    }
    checkValidity(a, clock.instant());
    return a;
  }

  /** Fails with FG-3003 or FG-3004 unless the agreement is valid at {@code now}. */
  public static void checkValidity(Agreement a, Instant now) {
    if (now.isBefore(a.validFrom())) {
      throw new FedgateException(
          PolicyError.AGREEMENT_NOT_YET_VALID,
          "agreement " + a.id() + " v" + a.version() + " valid from " + a.validFrom());
    }
    if (!now.isBefore(a.validUntil())) {
      throw new FedgateException(
          PolicyError.AGREEMENT_EXPIRED,
          "agreement " + a.id() + " v" + a.version() + " expired " + a.validUntil());
    }
  }

  /**
   * Parses and checks an agreement without looking at signatures or validity dates.
   *
   * @throws FedgateException FG-3001 malformed, FG-3005 unknown purpose, FG-3006 no legal basis,
   *     FG-3007 rule on a path the canonical schema does not have, FG-3008 rule that does not fit
   *     its path
   */
  public static Agreement parse(byte[] json) {
    JsonNode doc;
    try {
      doc = JSON.readTree(json);
    } catch (IOException e) {
      throw new FedgateException(PolicyError.AGREEMENT_MALFORMED, "not JSON");
    }
    if (doc == null || !doc.isObject()) {
      throw new FedgateException(PolicyError.AGREEMENT_MALFORMED, "not a JSON object");
    }
    checkPurposes(doc);
    JsonNode lb = doc.get("legalBasis");
    if (lb == null || !lb.isArray() || lb.isEmpty() || !hasText(lb)) {
      throw new FedgateException(PolicyError.AGREEMENT_LEGAL_BASIS_MISSING, "/legalBasis");
    }
    List<Error> errors =
        SCHEMA.validate(new String(json, StandardCharsets.UTF_8), InputFormat.JSON);
    if (!errors.isEmpty()) {
      // locations and keywords only: messages can quote values
      String where =
          errors.stream()
              .limit(5)
              .map(e -> e.getInstanceLocation() + " (" + e.getKeyword() + ")")
              .collect(Collectors.joining(", "));
      throw new FedgateException(PolicyError.AGREEMENT_MALFORMED, where);
    }
    return build(doc, sha256(json));
  }

  private static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean hasText(JsonNode arr) {
    for (JsonNode n : arr) {
      if (n.isTextual() && !n.textValue().isBlank()) {
        return true;
      }
    }
    return false;
  }

  private static void checkPurposes(JsonNode doc) {
    checkPurposeList(doc.path("purposes"), "/purposes");
    JsonNode rules = doc.path("rules");
    for (int i = 0; i < rules.size(); i++) {
      checkPurposeList(rules.get(i).path("purposes"), "/rules/" + i + "/purposes");
    }
  }

  private static void checkPurposeList(JsonNode list, String where) {
    for (int i = 0; i < list.size(); i++) {
      try {
        Purposes.parse(list.get(i).asText());
      } catch (FedgateException e) {
        throw new FedgateException(PolicyError.UNKNOWN_PURPOSE, where + "/" + i);
      }
    }
  }

  private static Agreement build(JsonNode doc, String digest) {
    String id = doc.get("id").asText();
    AgencyId from = AgencyId.of(doc.get("from").asText());
    AgencyId to = AgencyId.of(doc.get("to").asText());
    if (from.equals(to)) {
      throw new FedgateException(PolicyError.AGREEMENT_MALFORMED, "/to equals /from");
    }
    Instant validFrom = instant(doc, "validFrom");
    Instant validUntil = instant(doc, "validUntil");
    if (!validFrom.isBefore(validUntil)) {
      throw new FedgateException(PolicyError.AGREEMENT_MALFORMED, "/validUntil before /validFrom");
    }
    Period retention = Period.parse(doc.get("retention").asText());
    if (retention.isZero()) {
      throw new FedgateException(PolicyError.AGREEMENT_MALFORMED, "/retention is zero");
    }
    Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
    doc.get("purposes").forEach(p -> purposes.add(Purpose.valueOf(p.asText())));
    List<HandlingCode> handling = new ArrayList<>();
    doc.get("handlingCodes").forEach(h -> handling.add(HandlingCode.valueOf(h.asText())));
    Set<RecordType> recordTypes = EnumSet.noneOf(RecordType.class);
    doc.get("recordTypes").forEach(t -> recordTypes.add(RecordType.valueOf(t.asText())));
    Set<DataSubjectCategory> categories = EnumSet.noneOf(DataSubjectCategory.class);
    doc.get("dataSubjectCategories")
        .forEach(c -> categories.add(DataSubjectCategory.valueOf(c.asText())));
    List<String> legalBasis = new ArrayList<>();
    doc.get("legalBasis").forEach(l -> legalBasis.add(l.asText()));
    List<String> legalBasisRefs = new ArrayList<>();
    if (doc.has("legalBasisRefs")) {
      doc.get("legalBasisRefs").forEach(l -> legalBasisRefs.add(l.asText()));
    }
    List<Rule> rules = new ArrayList<>();
    Set<String> ruleIds = new HashSet<>();
    JsonNode rs = doc.get("rules");
    for (int i = 0; i < rs.size(); i++) {
      Rule r = rule(rs.get(i), "/rules/" + i, purposes);
      if (!ruleIds.add(r.id())) {
        throw new FedgateException(
            PolicyError.AGREEMENT_MALFORMED, "/rules/" + i + "/id duplicates rule " + r.id());
      }
      rules.add(r);
    }
    return new Agreement(
        id,
        doc.get("version").asText(),
        doc.get("title").asText(),
        from,
        to,
        legalBasis,
        legalBasisRefs,
        doc.get("legalBasisRequired").asBoolean(),
        purposes,
        handling,
        retention,
        validFrom,
        validUntil,
        recordTypes,
        categories,
        doc.get("pseudonymisation").get("keyRef").asText(),
        rules,
        digest);
  }

  private static Instant instant(JsonNode doc, String field) {
    try {
      return Instant.parse(doc.get(field).asText());
    } catch (DateTimeParseException e) {
      throw new FedgateException(
          PolicyError.AGREEMENT_MALFORMED, "/" + field + " not a UTC instant");
    }
  }

  private static Rule rule(JsonNode r, String where, Set<Purpose> agreementPurposes) {
    String id = r.get("id").asText();
    String path = r.get("path").asText();
    String loc = where + " (rule " + id + ")";
    CanonicalSchema.Node node = CanonicalSchema.get().node(path);
    if (node == null) {
      throw new FedgateException(
          PolicyError.RULE_UNKNOWN_PATH, loc + ": " + path + " is not in ACR 1.0");
    }
    FieldAction action = FieldAction.valueOf(r.get("action").asText());
    Generalisation g =
        r.has("generaliseTo") ? Generalisation.valueOf(r.get("generaliseTo").asText()) : null;
    Set<Purpose> purposes = new LinkedHashSet<>();
    r.path("purposes").forEach(p -> purposes.add(Purpose.valueOf(p.asText())));
    if (!agreementPurposes.containsAll(purposes)) {
      throw notApplicable(loc, "names a purpose the agreement does not allow");
    }
    Set<DataSubjectCategory> cats = new LinkedHashSet<>();
    r.path("categories").forEach(c -> cats.add(DataSubjectCategory.valueOf(c.asText())));
    boolean personPath = path.equals("/persons") || path.startsWith("/persons/");
    if (!cats.isEmpty() && !personPath) {
      throw notApplicable(loc, "categories only apply to /persons paths");
    }
    boolean protectedVictims = r.has("protectedVictims");
    if (protectedVictims) {
      if (action != FieldAction.PSEUDONYMISE) {
        throw notApplicable(loc, "protectedVictims needs action PSEUDONYMISE");
      }
      if (!purposes.equals(Set.of(Purpose.VICTIM_PROTECTION))) {
        throw notApplicable(loc, "protectedVictims needs purposes [VICTIM_PROTECTION] only");
      }
      if (personPath
          && (cats.isEmpty()
              || !Set.of(DataSubjectCategory.VICTIM, DataSubjectCategory.POTENTIAL_VICTIM)
                  .containsAll(cats))) {
        throw notApplicable(
            loc, "protectedVictims needs categories among VICTIM, POTENTIAL_VICTIM");
      }
    }
    checkFits(node, action, g, loc);
    return new Rule(id, path, action, g, purposes, cats, protectedVictims);
  }

  private static void checkFits(
      CanonicalSchema.Node node, FieldAction action, Generalisation g, String loc) {
    CanonicalSchema.Node shape = node.items != null ? node.items : node;
    if (action == FieldAction.GENERALISE) {
      boolean fits =
          switch (g) {
            case YEAR -> "partialDate".equals(shape.defName);
            case AGE_BAND -> node.path.equals("/persons/*/dateOfBirth");
            case ADMIN_AREA, COUNTRY -> "address".equals(shape.defName);
            case COUNTRY_CODE -> node.phoneLike;
          };
      if (!fits) {
        throw notApplicable(loc, "GENERALISE " + g + " does not fit " + node.path);
      }
    }
    if (action == FieldAction.PSEUDONYMISE) {
      if (node.dateAnchor != null || (!node.isContainer() && !node.freeString)) {
        throw notApplicable(loc, "PSEUDONYMISE needs free-text string fields, not " + node.path);
      }
    }
  }

  private static FedgateException notApplicable(String loc, String why) {
    return new FedgateException(PolicyError.RULE_NOT_APPLICABLE, loc + ": " + why);
  }

  private static Schema loadSchema() {
    try (InputStream in =
        AgreementLoader.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("agreement schema not on the class path");
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
