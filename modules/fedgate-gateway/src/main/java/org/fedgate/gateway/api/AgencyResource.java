package org.fedgate.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.camel.ProducerTemplate;
import org.fedgate.gateway.GatewayContext;
import org.fedgate.gateway.port.AuditTrail;
import org.fedgate.gateway.port.AuditTrail.AuditEvent;
import org.fedgate.gateway.port.OfficerTokens.Officer;
import org.fedgate.gateway.port.OfficerTokens.Role;
import org.fedgate.gateway.route.AuditAccessRoutes;
import org.fedgate.gateway.route.GatewayHeaders;
import org.fedgate.gateway.route.NotificationRoutes;
import org.fedgate.gateway.route.RecordRequestRoutes;
import org.fedgate.gateway.route.step.QueryAuditStep.AuditRead;
import org.fedgate.gateway.route.step.RecordAuditAccessStep;
import org.fedgate.gateway.store.InboundQueue;
import org.fedgate.gateway.store.Outbox;
import org.fedgate.gateway.store.Quarantine;
import org.fedgate.gateway.store.RecordRequests;
import org.fedgate.gateway.store.Submissions;
import org.fedgate.model.AgencyId;
import org.fedgate.model.MessageType;
import org.fedgate.model.Purpose;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;

/**
 * The agency API (JSON): officers and the national back end post notifications and record requests
 * and read the inbox; reviewers read the audit trail. Every call carries a bearer token of this
 * agency's identity provider; every disclosure and request names purpose, legal basis and
 * justification. Described in {@code openapi.yaml}.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public final class AgencyResource {

  /** A legal-basis reference: a statute, treaty or article id, no spaces. */
  static final java.util.regex.Pattern LEGAL_BASIS =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/()#-]{0,127}");

  /** A justification reference: a case file number. */
  static final java.util.regex.Pattern REFERENCE =
      java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}");

  private final GatewayContext ctx;
  private final ProducerTemplate producer;

  public AgencyResource(GatewayContext ctx, ProducerTemplate producer) {
    this.ctx = ctx;
    this.producer = producer;
  }

  // ---- notifications (flow 1) ----

  @POST
  @Path("/notifications")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response postNotification(
      @HeaderParam("Authorization") String auth,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      InputStream in) {
    Officer officer = authenticate(auth, Role.OFFICER);
    String key = IdempotencyKeys.parse(idempotencyKey);
    JsonNode body = Bodies.json(Bodies.read(in, ctx.config().limits().maxBodyBytes()));
    Justification j = justification(body);
    List<AgencyId> to = partners(body.get("to"));
    JsonNode record = body.get("record");
    if (record == null || record.isNull()) {
      throw new FedgateException(GatewayError.REQUEST_INVALID, "missing /record");
    }
    byte[] national =
        record.isTextual()
            ? record.asText().getBytes(StandardCharsets.UTF_8)
            : record.toString().getBytes(StandardCharsets.UTF_8);
    Submission s = submit(national, to, j, officer.subject(), firstRole(officer), key);
    return Response.accepted(s.toJson()).build();
  }

  /**
   * Runs the push flow; also used by the SOAP endpoint. With an idempotency key ({@code null}:
   * none) a request that {@code officer} sent before with the same key is answered with what it
   * created, and only partners it had not reached yet are sent to.
   */
  public Submission submit(
      byte[] national,
      List<AgencyId> to,
      Justification j,
      String officer,
      String role,
      String idempotencyKey) {
    List<String> created = java.util.Collections.synchronizedList(new ArrayList<>());
    List<AgencyId> partners = to.stream().distinct().toList();
    // what an earlier request with the key created, by partner (message id), in one conversation
    java.util.Map<String, String> done = new java.util.HashMap<>();
    String earlierConversation = null;
    String requestSha256 = null;
    if (idempotencyKey != null) {
      requestSha256 =
          IdempotencyKeys.digest(
              national,
              "notification",
              partners.stream().map(AgencyId::value).sorted().toList().toString(),
              j.purpose().name(),
              j.legalBasis(),
              j.justification());
      for (Submissions.Prior p : priorWith(officer, idempotencyKey, requestSha256)) {
        done.put(p.partner(), p.messageId());
        earlierConversation = p.conversationId();
      }
    }
    List<AgencyId> remaining = partners.stream().filter(p -> !done.containsKey(p.value())).toList();
    String conversation =
        earlierConversation != null
            ? earlierConversation
            : org.fedgate.gateway.Ids.uuidV7(ctx.clock().instant());
    // no partner at all is refused by the flow itself (FG-5002), as without a key
    if (!remaining.isEmpty() || done.isEmpty()) {
      String digest = requestSha256;
      var exchange =
          producer.send(
              NotificationRoutes.PUSH,
              e -> {
                e.getIn().setBody(national);
                e.getIn().setHeader(GatewayHeaders.PARTNERS, remaining);
                e.getIn().setHeader(GatewayHeaders.PURPOSE, j.purpose());
                e.getIn().setHeader(GatewayHeaders.LEGAL_BASIS, j.legalBasis());
                e.getIn().setHeader(GatewayHeaders.JUSTIFICATION, j.justification());
                e.getIn().setHeader(GatewayHeaders.OFFICER, officer);
                e.getIn().setHeader(GatewayHeaders.ROLE, role);
                e.getIn().setHeader(GatewayHeaders.MESSAGE_TYPE, MessageType.CASE_NOTIFICATION);
                e.getIn().setHeader(GatewayHeaders.CONVERSATION_ID, conversation);
                e.setProperty(GatewayHeaders.CREATED_MESSAGES, created);
                if (idempotencyKey != null) {
                  e.getIn().setHeader(GatewayHeaders.IDEMPOTENCY_KEY, idempotencyKey);
                  e.getIn().setHeader(GatewayHeaders.REQUEST_SHA256, digest);
                }
              });
      rethrow(exchange.getException());
    }
    // in the order the caller named the partners, as the first answer had them
    List<String> ids = new ArrayList<>();
    java.util.Iterator<String> fresh = created.iterator();
    for (AgencyId p : partners) {
      ids.add(done.containsKey(p.value()) ? done.get(p.value()) : fresh.next());
    }
    return new Submission(conversation, List.copyOf(ids));
  }

  /**
   * What {@code caller}'s earlier requests with {@code key} created; refused (FG-5023) when the key
   * came with another request.
   */
  private List<Submissions.Prior> priorWith(String caller, String key, String requestSha256) {
    List<Submissions.Prior> prior = ctx.submissions().find(caller, key);
    for (Submissions.Prior p : prior) {
      if (!p.requestSha256().equals(requestSha256)) {
        ctx.metrics().rejection(GatewayError.IDEMPOTENCY_KEY_REUSED.code());
        throw new FedgateException(
            GatewayError.IDEMPOTENCY_KEY_REUSED, "the key was sent before with another request");
      }
    }
    return prior;
  }

  /** What a push created: one envelope per partner, in one conversation. */
  public record Submission(String conversationId, List<String> messageIds) {
    ObjectNode toJson() {
      ObjectNode n = GatewayContext.JSON.createObjectNode();
      n.put("conversationId", conversationId);
      ArrayNode a = n.putArray("messageIds");
      messageIds.forEach(a::add);
      return n;
    }
  }

  @GET
  @Path("/notifications/{conversationId}")
  public Response notificationStatus(
      @HeaderParam("Authorization") String auth, @PathParam("conversationId") String id) {
    authenticate(auth, Role.OFFICER);
    List<Outbox.Entry> rows = ctx.outbox().byConversation(id);
    if (rows.isEmpty()) {
      throw new FedgateException(GatewayError.NOT_FOUND, "no such conversation");
    }
    ObjectNode n = GatewayContext.JSON.createObjectNode();
    n.put("conversationId", id);
    ArrayNode a = n.putArray("deliveries");
    for (Outbox.Entry r : rows) {
      ObjectNode d = a.addObject();
      d.put("messageId", r.messageId());
      d.put("partner", r.partner());
      d.put("state", r.state().name());
      d.put("attempts", r.attempts());
      d.put("payloadSha256", r.payloadSha256());
      if (r.errorCode() != null) {
        d.put("errorCode", r.errorCode());
      }
      if (r.erasedAt() != null) {
        // the sealed envelope was erased under retention.sentEnvelopes; the receipt stays
        d.put("erasedAt", r.erasedAt().toString());
      }
    }
    return Response.ok(n).build();
  }

  // ---- record requests (flow 3) ----

  @POST
  @Path("/requests")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response postRequest(
      @HeaderParam("Authorization") String auth,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      InputStream in) {
    Officer officer = authenticate(auth, Role.OFFICER);
    String key = IdempotencyKeys.parse(idempotencyKey);
    JsonNode body = Bodies.json(Bodies.read(in, ctx.config().limits().maxBodyBytes()));
    Justification j = justification(body);
    String partner = Bodies.text(body, "partner");
    String caseReference = Bodies.text(body, "caseReference");
    if (partner == null || caseReference == null) {
      throw new FedgateException(
          GatewayError.REQUEST_INVALID, "missing /partner or /caseReference");
    }
    AgencyId to = agency(partner, "/partner");
    String requestSha256 =
        key == null
            ? null
            : IdempotencyKeys.digest(
                caseReference.getBytes(StandardCharsets.UTF_8),
                "record-request",
                to.value(),
                j.purpose().name(),
                j.legalBasis(),
                j.justification());
    if (key != null) {
      List<Submissions.Prior> prior = priorWith(officer.subject(), key, requestSha256);
      if (!prior.isEmpty()) {
        // sent before: the same request id, and its state now
        String id = prior.get(0).conversationId();
        ObjectNode n = GatewayContext.JSON.createObjectNode();
        n.put("requestId", id);
        n.put(
            "state",
            ctx.requests()
                .find(id)
                .map(r -> r.state().name())
                .orElse(RecordRequests.State.SENT.name()));
        return Response.accepted(n).build();
      }
    }
    var exchange =
        producer.send(
            RecordRequestRoutes.REQUEST,
            e -> {
              if (key != null) {
                e.getIn().setHeader(GatewayHeaders.IDEMPOTENCY_KEY, key);
                e.getIn().setHeader(GatewayHeaders.REQUEST_SHA256, requestSha256);
              }
              e.getIn().setBody(caseReference);
              e.getIn().setHeader(GatewayHeaders.PARTNER, to);
              e.getIn().setHeader(GatewayHeaders.PURPOSE, j.purpose());
              e.getIn().setHeader(GatewayHeaders.LEGAL_BASIS, j.legalBasis());
              e.getIn().setHeader(GatewayHeaders.JUSTIFICATION, j.justification());
              e.getIn().setHeader(GatewayHeaders.OFFICER, officer.subject());
              e.getIn().setHeader(GatewayHeaders.ROLE, firstRole(officer));
            });
    rethrow(exchange.getException());
    String requestId = exchange.getMessage().getHeader(GatewayHeaders.REQUEST_ID, String.class);
    ObjectNode n = GatewayContext.JSON.createObjectNode();
    n.put("requestId", requestId);
    n.put("state", RecordRequests.State.SENT.name());
    return Response.accepted(n).build();
  }

  @GET
  @Path("/requests/{requestId}")
  public Response getRequest(
      @HeaderParam("Authorization") String auth, @PathParam("requestId") String requestId) {
    Officer officer = authenticate(auth, Role.OFFICER);
    RecordRequests.Entry r =
        ctx.requests()
            .find(requestId)
            // officers see only their own requests; another's looks exactly like a missing one
            .filter(e -> e.officer().equals(officer.subject()))
            .orElseThrow(() -> new FedgateException(GatewayError.NOT_FOUND, "no such request"));
    return Response.ok(requestJson(r, true)).build();
  }

  @GET
  @Path("/requests")
  public Response listRequests(@HeaderParam("Authorization") String auth) {
    Officer officer = authenticate(auth, Role.OFFICER);
    ArrayNode a = GatewayContext.JSON.createArrayNode();
    for (RecordRequests.Entry r : ctx.requests().byOfficer(officer.subject(), 100)) {
      a.add(requestJson(r, false));
    }
    return Response.ok(a).build();
  }

  private ObjectNode requestJson(RecordRequests.Entry r, boolean withAnswer) {
    ObjectNode n = GatewayContext.JSON.createObjectNode();
    n.put("requestId", r.requestId());
    n.put("partner", r.partner());
    n.put("purpose", r.purpose());
    n.put("state", r.state().name());
    n.put("createdAt", r.createdAt().toString());
    if (r.errorCode() != null) {
      n.put("errorCode", r.errorCode());
    }
    if (withAnswer && r.state() == RecordRequests.State.ANSWERED) {
      n.put("found", r.answer() != null || r.erasedAt() != null);
      if (r.erasedAt() != null) {
        // the record was erased when the agreement's retention period ended
        n.put("erasedAt", r.erasedAt().toString());
      }
      if (r.answer() != null) {
        n.put("mediaType", r.mediaType());
        putRecord(n, r.mediaType(), r.answer());
      }
      consulted(r.officer(), "request:" + r.requestId());
    }
    return n;
  }

  // ---- inbox ----

  @GET
  @Path("/inbox")
  public Response inbox(
      @HeaderParam("Authorization") String auth, @QueryParam("limit") Integer limit) {
    Officer officer = authenticate(auth, Role.OFFICER);
    int n = limit == null ? 50 : Math.max(1, Math.min(limit, 500));
    ArrayNode a = GatewayContext.JSON.createArrayNode();
    for (InboundQueue.Entry e : ctx.inbound().notifications(n)) {
      ObjectNode o = a.addObject();
      o.put("messageId", e.messageId());
      o.put("conversationId", e.conversationId());
      o.put("sender", e.sender());
      o.put("purpose", e.purpose());
      o.put("receivedAt", e.receivedAt().toString());
      o.put("state", e.state().name());
      o.put("payloadSha256", e.payloadSha256());
      o.put("mediaType", e.mediaType());
      if (e.erasedAt() != null) {
        // the record was erased when the agreement's retention period ended
        o.put("erasedAt", e.erasedAt().toString());
      }
      if (e.body() != null) {
        putRecord(o, e.mediaType(), e.body());
      }
    }
    consulted(officer.subject(), "inbox");
    return Response.ok(a).build();
  }

  private static void putRecord(ObjectNode n, String mediaType, String body) {
    if (mediaType != null && mediaType.contains("json")) {
      try {
        n.set("record", GatewayContext.JSON.readTree(body));
        return;
      } catch (Exception e) {
        // fall through: return it as text
      }
    }
    n.put("record", body);
  }

  /** An officer reading received personal data is a consultation (LED Art. 25). */
  private void consulted(String officer, String what) {
    consulted(officer, Role.OFFICER, what);
  }

  private void consulted(String officer, Role role, String what) {
    ctx.audit()
        .append(
            AuditEvent.builder(
                    AuditTrail.Operation.CONSULTATION, ctx.clock().instant(), ctx.agency().value())
                .actor(officer, role.name())
                .justification(null, null, what)
                .outcome("OK", null)
                .build());
  }

  // ---- audit review (flow 4) ----

  @GET
  @Path("/audit/entries")
  public Response auditEntries(
      @HeaderParam("Authorization") String auth,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("counterpart") String counterpart,
      @QueryParam("officer") String officerFilter,
      @QueryParam("purpose") String purpose,
      @QueryParam("operation") String operation,
      @QueryParam("outcome") String outcome,
      @QueryParam("messageId") String messageId,
      @QueryParam("conversationId") String conversationId,
      @QueryParam("after") Long after,
      @QueryParam("limit") Integer limit) {
    Officer reviewer = authenticate(auth, Role.REVIEWER);
    AuditTrail.AuditQuery q =
        new AuditTrail.AuditQuery(
            instant(from, "from"),
            instant(to, "to"),
            counterpart,
            officerFilter,
            purpose,
            operation,
            outcome,
            messageId,
            conversationId,
            after == null ? -1 : after,
            limit == null ? 100 : Math.max(1, Math.min(limit, 1000)));
    return Response.ok(auditRead(reviewer, new AuditRead("query", q, 0, null, null))).build();
  }

  @GET
  @Path("/audit/checkpoint")
  public Response auditCheckpoint(@HeaderParam("Authorization") String auth) {
    Officer reviewer = authenticate(auth, Role.REVIEWER);
    return Response.ok(auditRead(reviewer, new AuditRead("checkpoint", null, 0, null, null)))
        .build();
  }

  @GET
  @Path("/audit/entries/{sequence}/proof")
  public Response auditProof(
      @HeaderParam("Authorization") String auth, @PathParam("sequence") long sequence) {
    Officer reviewer = authenticate(auth, Role.REVIEWER);
    return Response.ok(auditRead(reviewer, new AuditRead("proof", null, sequence, null, null)))
        .build();
  }

  @GET
  @Path("/audit/consistency")
  public Response auditConsistency(
      @HeaderParam("Authorization") String auth,
      @QueryParam("first") long first,
      @QueryParam("second") long second) {
    Officer reviewer = authenticate(auth, Role.REVIEWER);
    return Response.ok(
            auditRead(reviewer, new AuditRead("consistency", null, first, null, null, second)))
        .build();
  }

  @GET
  @Path("/audit/export")
  public Response auditExport(
      @HeaderParam("Authorization") String auth,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    Officer reviewer = authenticate(auth, Role.REVIEWER);
    Instant f = instant(from, "from");
    Instant t = instant(to, "to");
    return Response.ok(
            auditRead(
                reviewer,
                new AuditRead(
                    "export",
                    null,
                    0,
                    f == null ? Instant.EPOCH : f,
                    t == null ? ctx.clock().instant() : t)))
        .build();
  }

  @GET
  @Path("/audit/verify")
  public Response auditVerify(@HeaderParam("Authorization") String auth) {
    Officer reviewer = authenticate(auth, Role.REVIEWER);
    return Response.ok(auditRead(reviewer, new AuditRead("verify", null, 0, null, null))).build();
  }

  // ---- quarantine (envelopes refused for over-sharing, held for review) ----

  @GET
  @Path("/quarantine")
  public Response quarantine(
      @HeaderParam("Authorization") String auth, @QueryParam("limit") Integer limit) {
    Officer reviewer = authenticate(auth, Role.REVIEWER);
    int n = limit == null ? 50 : Math.max(1, Math.min(limit, 500));
    ArrayNode a = GatewayContext.JSON.createArrayNode();
    for (Quarantine.Entry e : ctx.quarantine().list(n)) {
      quarantined(a.addObject(), e);
    }
    // metadata and canonical paths only: nothing personal is read, but the look is audited
    consulted(reviewer.subject(), Role.REVIEWER, "quarantine");
    return Response.ok(a).build();
  }

  @GET
  @Path("/quarantine/{messageId}")
  public Response quarantined(
      @HeaderParam("Authorization") String auth, @PathParam("messageId") String messageId) {
    Officer reviewer = authenticate(auth, Role.REVIEWER);
    Quarantine.Entry e =
        ctx.quarantine()
            .find(messageId)
            .orElseThrow(
                () -> new FedgateException(GatewayError.NOT_FOUND, "no quarantined envelope"));
    ObjectNode o = GatewayContext.JSON.createObjectNode();
    quarantined(o, e);
    // the signed envelope as received: the evidence of what the partner sent
    o.put("envelope", e.envelope());
    // reading the held record is a consultation of personal data, audited before it is returned
    ctx.audit()
        .append(
            AuditEvent.builder(
                    AuditTrail.Operation.CONSULTATION, ctx.clock().instant(), ctx.agency().value())
                .actor(reviewer.subject(), Role.REVIEWER.name())
                .counterpart(e.sender())
                .justification(e.purpose(), null, "quarantine")
                .message(e.messageId(), e.conversationId(), e.payloadSha256())
                .outcome("OK", null)
                .build());
    return Response.ok(o).build();
  }

  private static void quarantined(ObjectNode o, Quarantine.Entry e) {
    o.put("messageId", e.messageId());
    o.put("conversationId", e.conversationId());
    o.put("sender", e.sender());
    o.put("purpose", e.purpose());
    o.put("agreementId", e.agreementId());
    o.put("agreementVersion", e.agreementVersion());
    o.put("code", e.errorCode());
    o.put("reason", e.reason());
    o.put("payloadSha256", e.payloadSha256());
    o.put("receivedAt", e.receivedAt().toString());
  }

  private Object auditRead(Officer reviewer, AuditRead read) {
    var exchange =
        producer.send(
            AuditAccessRoutes.READ,
            e -> {
              e.getIn().setBody(read);
              e.getIn().setHeader(GatewayHeaders.OFFICER, reviewer.subject());
              e.getIn().setHeader(GatewayHeaders.ROLE, Role.REVIEWER.name());
              e.getIn().setHeader(RecordAuditAccessStep.ACCESS, read.kind());
            });
    rethrow(exchange.getException());
    return exchange.getMessage().getBody();
  }

  // ---- helpers ----

  /** Purpose, legal basis and justification of a disclosure or request; all three required. */
  public record Justification(Purpose purpose, String legalBasis, String justification) {
    public Justification {
      if (purpose == null || legalBasis == null || justification == null) {
        throw new FedgateException(
            GatewayError.JUSTIFICATION_MISSING,
            "purpose, legalBasis and justification are required");
      }
      // references, not prose: free text could carry personal data into envelopes and the audit
      if (!LEGAL_BASIS.matcher(legalBasis).matches()) {
        throw new FedgateException(
            GatewayError.REQUEST_INVALID,
            "legalBasis must be a reference such as TH-ATPA-2008:s27");
      }
      if (!REFERENCE.matcher(justification).matches()) {
        throw new FedgateException(
            GatewayError.REQUEST_INVALID, "justification must be a case file reference");
      }
    }
  }

  private static Justification justification(JsonNode body) {
    String purpose = Bodies.text(body, "purpose");
    String legalBasis = Bodies.text(body, "legalBasis");
    String justification = Bodies.text(body, "justification");
    if (purpose == null || legalBasis == null || justification == null) {
      throw new FedgateException(
          GatewayError.JUSTIFICATION_MISSING, "purpose, legalBasis and justification are required");
    }
    if (legalBasis.length() > 512 || justification.length() > 256) {
      throw new FedgateException(
          GatewayError.REQUEST_INVALID, "legalBasis or justification too long");
    }
    return new Justification(purpose(purpose), legalBasis, justification);
  }

  static Purpose purpose(String value) {
    try {
      return Purpose.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new FedgateException(GatewayError.REQUEST_INVALID, "/purpose is not a known purpose");
    }
  }

  static AgencyId agency(String value, String pointer) {
    try {
      return AgencyId.of(value);
    } catch (IllegalArgumentException e) {
      throw new FedgateException(GatewayError.REQUEST_INVALID, pointer + " is not an agency id");
    }
  }

  private static List<AgencyId> partners(JsonNode to) {
    if (to == null || !to.isArray() || to.isEmpty()) {
      throw new FedgateException(GatewayError.REQUEST_INVALID, "/to must list partner agencies");
    }
    List<AgencyId> out = new ArrayList<>();
    for (int i = 0; i < to.size(); i++) {
      if (!to.get(i).isTextual()) {
        throw new FedgateException(GatewayError.REQUEST_INVALID, "/to/" + i + " must be a string");
      }
      out.add(agency(to.get(i).asText(), "/to/" + i));
    }
    return out;
  }

  private static Instant instant(String value, String name) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new FedgateException(
          GatewayError.REQUEST_INVALID, name + " must be an ISO-8601 instant");
    }
  }

  private Officer authenticate(String authorization, Role required) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new FedgateException(GatewayError.UNAUTHENTICATED, "bearer token required");
    }
    Officer officer;
    try {
      officer = ctx.officers().verify(authorization.substring(7).trim());
    } catch (FedgateException e) {
      ctx.metrics().rejection(e.code());
      throw new FedgateException(GatewayError.UNAUTHENTICATED, "token rejected (" + e.code() + ")");
    }
    if (!ctx.agency().value().equals(officer.agency())) {
      throw new FedgateException(GatewayError.UNAUTHENTICATED, "token of another agency");
    }
    if (!officer.has(required)) {
      ctx.metrics().rejection(GatewayError.FORBIDDEN.code());
      throw new FedgateException(GatewayError.FORBIDDEN, "requires role " + required.name());
    }
    return officer;
  }

  private static String firstRole(Officer officer) {
    return officer.roles().stream().map(Enum::name).sorted().findFirst().orElse("NONE");
  }

  static void rethrow(Throwable e) {
    if (e == null) {
      return;
    }
    Throwable t = ProblemMappers.unwrap(e);
    if (t instanceof RuntimeException re) {
      throw re;
    }
    throw new FedgateException(GatewayError.INTERNAL, t.getClass().getSimpleName());
  }
}
