package org.fedgate.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.fedgate.audit.verify.AuditVerifier;
import org.fedgate.audit.verify.VerificationReport;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.module.AuditLogTrail;
import org.fedgate.gateway.port.AuditTrail;
import org.fedgate.model.AgencyId;
import org.fedgate.trust.OfficerRole;

/**
 * The scripted demo: TH-CCIB raids a scam compound and notifies KH-AHTJP and ID-BARESKRIM about
 * suspects and victims (one a minor, one presumed a minor); a KH-AHTJP officer requests a case from
 * TH-CCIB; ID-BARESKRIM's back end receives Indonesian XML over SOAP. It drives the agency APIs
 * over HTTP exactly as a client would and prints, per partner, what was released, generalised,
 * pseudonymised and withheld (counts of paths, never values), the receipt status, and the
 * verification of every gateway's audit trail.
 */
public final class DemoScenario {

  /** The raid notification: a shipped, fictional TH sample. */
  public static final String RAID_SAMPLE = "schemas/national/th/samples/th-01-raid-suspects.json";

  /** The case KH-AHTJP asks TH-CCIB for (served by TH's mock back end). */
  public static final String REQUESTED_SAMPLE =
      "schemas/national/th/samples/th-05-protected-victim.json";

  public static final String REQUESTED_CASE = "TH-CCIB-2566-000901";

  private final DemoFederation fed;
  private final PrintStream out;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Duration timeout;

  public DemoScenario(DemoFederation fed, PrintStream out, Duration timeout) {
    this.fed = fed;
    this.out = out;
    this.timeout = timeout;
  }

  /** Plays the scenario; true when every step succeeded and every audit trail verifies. */
  public boolean run() throws Exception {
    boolean ok = true;
    fed.restBackend(DemoFederation.TH)
        .addCase(REQUESTED_CASE, DemoFederation.resource(REQUESTED_SAMPLE));

    // 1. TH-CCIB notifies KH-AHTJP and ID-BARESKRIM
    out.println();
    out.println(
        "1. TH-CCIB raids a scam compound and notifies KH-AHTJP and ID-BARESKRIM"
            + " (purpose INVESTIGATION)");
    String thOfficer = fed.token(DemoFederation.TH, "th-officer-017", OfficerRole.OFFICER);
    ObjectNode body = GatewayContext.JSON.createObjectNode();
    body.putArray("to").add(DemoFederation.KH.value()).add(DemoFederation.ID.value());
    body.put("purpose", "INVESTIGATION");
    // to KH and ID at once: a basis both agreements rest on (TH-ID cites UNTOC, not ACTIP)
    body.put("legalBasis", "ASEAN-MLAT-2004");
    body.put("justification", "CCIB-123-2567");
    body.set("record", GatewayContext.JSON.readTree(DemoFederation.resource(RAID_SAMPLE)));
    JsonNode submitted =
        call(DemoFederation.TH, "POST", "/api/v1/notifications", thOfficer, body, 202);
    String conversation = submitted.path("conversationId").asText();
    JsonNode status =
        waitFor(
            DemoFederation.TH,
            "/api/v1/notifications/" + conversation,
            thOfficer,
            s -> {
              for (JsonNode d : s.path("deliveries")) {
                if ("PENDING".equals(d.path("state").asText())) {
                  return false;
                }
              }
              return true;
            });
    AuditLogTrail thAudit = audit(DemoFederation.TH);
    for (JsonNode d : status.path("deliveries")) {
      String partner = d.path("partner").asText();
      String messageId = d.path("messageId").asText();
      JsonNode disclosure = entry(thAudit, messageId, "DISCLOSURE");
      out.printf(
          Locale.ROOT,
          "   to %-13s receipt %-9s message %s%n",
          partner,
          "DELIVERED".equals(d.path("state").asText()) ? "ACCEPTED" : d.path("state").asText(),
          messageId);
      out.println("      " + fields(disclosure));
      ok &= "DELIVERED".equals(d.path("state").asText());
    }
    waitUntil(() -> fed.restBackend(DemoFederation.KH).received().size() >= 1);
    waitUntil(() -> fed.soapBackend().received().size() >= 1);
    out.printf(
        "   KH-AHTJP back end received %d record(s) as KH JSON over REST%n",
        fed.restBackend(DemoFederation.KH).received().size());
    var idRecord = fed.soapBackend().received().values().iterator().next();
    out.printf(
        "   ID-BARESKRIM back end received %d record(s) as ID XML over SOAP (WS-Security),"
            + " root element <%s>%n",
        fed.soapBackend().received().size(), rootElement(idRecord.xml()));
    out.println(
        "   victim protection: the minor's and the presumed minor's names, identifiers, contacts"
            + " and exact birth dates are not in clear in either record (see withheld/pseudonymised)");

    // 2. KH-AHTJP requests a case from TH-CCIB
    out.println();
    out.println(
        "2. A KH-AHTJP officer requests case "
            + REQUESTED_CASE
            + " from TH-CCIB (purpose VICTIM_IDENTIFICATION)");
    String khOfficer = fed.token(DemoFederation.KH, "kh-officer-204", OfficerRole.OFFICER);
    ObjectNode req = GatewayContext.JSON.createObjectNode();
    req.put("partner", DemoFederation.TH.value());
    req.put("caseReference", REQUESTED_CASE);
    req.put("purpose", "VICTIM_IDENTIFICATION");
    req.put("legalBasis", "ACTIP-2015:Art.16");
    req.put("justification", "AHTJP-2026-0042");
    JsonNode created = call(DemoFederation.KH, "POST", "/api/v1/requests", khOfficer, req, 202);
    String requestId = created.path("requestId").asText();
    JsonNode answer =
        waitFor(
            DemoFederation.KH,
            "/api/v1/requests/" + requestId,
            khOfficer,
            s -> !"SENT".equals(s.path("state").asText()));
    boolean answered = "ANSWERED".equals(answer.path("state").asText());
    ok &= answered && answer.path("found").asBoolean();
    JsonNode response = entryByConversation(thAudit, requestId, "RESPONSE");
    out.printf(
        "   TH-CCIB answered: %s; the KH officer reads it in KH format (%s)%n",
        answer.path("state").asText(), answer.path("mediaType").asText("-"));
    out.println("      " + fields(response));

    // 3. Audit trails
    out.println();
    out.println("3. Audit trails (tamper-evident Merkle logs; entries hold metadata only)");
    for (AgencyId a : DemoFederation.AGENCIES) {
      AuditLogTrail trail = audit(a);
      trail.log().checkpoints().checkpointNow();
      VerificationReport r =
          AuditVerifier.verify(trail.log().store(), fed.pki().signing(a).certificate());
      ok &= r.ok();
      out.printf(
          Locale.ROOT,
          "   %-13s %4d entries, %3d checkpoints  %s  %s%n",
          a,
          r.entriesChecked(),
          r.checkpointsChecked(),
          r.ok() ? "verified OK " : "FAILED " + r.reason(),
          storeUrlForReviewers(fed.storeUrl(a)));
    }
    return ok;
  }

  /** The JDBC URL a reviewer passes to {@code fedgate audit verify --store}. */
  static String storeUrlForReviewers(String url) {
    return url;
  }

  private AuditLogTrail audit(AgencyId a) {
    return (AuditLogTrail) fed.gateway(a).context().audit();
  }

  private static JsonNode entry(AuditLogTrail audit, String messageId, String operation) {
    JsonNode page =
        audit.query(
            new AuditTrail.AuditQuery(
                null, null, null, null, null, operation, null, messageId, null, -1, 10));
    JsonNode entries = page.path("entries");
    return entries.isEmpty() ? GatewayContext.JSON.createObjectNode() : entries.get(0);
  }

  private static JsonNode entryByConversation(
      AuditLogTrail audit, String conversationId, String operation) {
    JsonNode page =
        audit.query(
            new AuditTrail.AuditQuery(
                null, null, null, null, null, operation, null, null, conversationId, -1, 10));
    JsonNode entries = page.path("entries");
    return entries.isEmpty() ? GatewayContext.JSON.createObjectNode() : entries.get(0);
  }

  /** Counts of paths per action, from the audit entry (paths only, never values). */
  static String fields(JsonNode entry) {
    JsonNode f = entry.path("fields");
    return String.format(
        Locale.ROOT,
        "released %d, generalised %d, pseudonymised %d, withheld %d field paths (agreement %s v%s,"
            + " digest %s)",
        f.path("released").size(),
        f.path("generalised").size(),
        f.path("pseudonymised").size(),
        f.path("withheld").size(),
        entry.path("agreement").path("id").asText("-"),
        entry.path("agreement").path("version").asText("-"),
        entry
                .path("payloadDigest")
                .asText("-")
                .substring(0, Math.min(16, entry.path("payloadDigest").asText("-").length()))
            + "...");
  }

  private static String rootElement(String xml) {
    int lt = xml.indexOf('<');
    while (lt >= 0 && (xml.startsWith("<?", lt) || xml.startsWith("<!", lt))) {
      lt = xml.indexOf('<', lt + 1);
    }
    if (lt < 0) {
      return "?";
    }
    int end = lt + 1;
    while (end < xml.length() && " />\n\t".indexOf(xml.charAt(end)) < 0) {
      end++;
    }
    return xml.substring(lt + 1, end);
  }

  private JsonNode call(
      AgencyId agency, String method, String path, String token, JsonNode body, int expected)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(fed.gateway(agency).agencyApiUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token);
    if (body != null) {
      b.header("Content-Type", "application/json")
          .method(
              method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      JsonNode problem = GatewayContext.JSON.readTree(r.body().isBlank() ? "{}" : r.body());
      throw new IllegalStateException(
          method
              + " "
              + path
              + " answered "
              + r.statusCode()
              + " "
              + problem.path("code").asText("")
              + " "
              + problem.path("title").asText("")
              + " "
              + problem.path("detail").asText(""));
    }
    return GatewayContext.JSON.readTree(r.body());
  }

  private JsonNode waitFor(
      AgencyId agency, String path, String token, java.util.function.Predicate<JsonNode> done)
      throws Exception {
    Instant deadline = Instant.now().plus(timeout);
    while (true) {
      JsonNode n = call(agency, "GET", path, token, null, 200);
      if (done.test(n) || Instant.now().isAfter(deadline)) {
        return n;
      }
      Thread.sleep(50);
    }
  }

  private void waitUntil(java.util.function.BooleanSupplier done) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!done.getAsBoolean() && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
  }
}
