package org.fedgate.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fedgate.audit.TestSupport.T0;
import static org.fedgate.audit.TestSupport.certOf;
import static org.fedgate.audit.TestSupport.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.fedgate.audit.AuditLog;
import org.fedgate.audit.BundleExporter;
import org.fedgate.audit.TestSupport;
import org.fedgate.audit.store.AuditStore;
import org.fedgate.audit.store.AuditStores;
import org.fedgate.model.audit.AuditEntry;
import org.fedgate.model.error.FedgateException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleVerifierTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BASE = "https://fedgate.example/schemas/canonical/";
  private static final X509Certificate CERT = certOf(TestSupport.es256());

  // one log and one export for the class; each test tampers with its own copy
  @TempDir static Path dir;
  private static AuditStore store;
  private static AuditLog log;
  private static ObjectNode exported;
  private ObjectNode bundle;

  @BeforeAll
  static void exportTwentyEntries() throws IOException {
    store = AuditStores.open("jdbc:h2:file:" + dir.resolve("audit").toAbsolutePath());
    log = AuditLog.open(store, TestSupport.manualCheckpoints(), TestSupport.es256());
    for (int k = 0; k < 4; k++) {
      List<AuditEntry> five = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        five.add(entry(5 * k + i));
      }
      log.appendAll(five);
      log.checkpoints().checkpointNow();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new BundleExporter(log).export(null, null, out);
    exported = (ObjectNode) JSON.readTree(out.toByteArray());
  }

  @BeforeEach
  void copy() {
    bundle = exported.deepCopy();
  }

  @AfterAll
  static void close() {
    log.close();
    store.close();
  }

  @Test
  void verify_exportedBundle_provesEveryEntryAndCheckpoint() {
    BundleVerifier.Result r = BundleVerifier.verify(bundle, CERT);
    assertThat(r.entries()).isEqualTo(20);
    assertThat(r.anchorSize()).isEqualTo(20);
    assertThat(r.checkpoints()).isEqualTo(3); // sizes 5, 10, 15; 20 is the anchor
    assertThat(r.origin()).isEqualTo("fedgate.th-ccib/audit");
  }

  @Test
  void export_bundleAndStoredEntries_matchTheirPublishedSchemas() {
    Schema bundleSchema = schema("audit-bundle-1.0.schema.json");
    assertThat(bundleSchema.validate(bundle.toString(), InputFormat.JSON)).isEmpty();
    Schema entrySchema = schema("audit-entry-1.0.schema.json");
    store.scan(0, row -> assertThat(entrySchema.validate(row.json(), InputFormat.JSON)).isEmpty());
    ObjectNode broken = bundle.deepCopy();
    ((ObjectNode) broken.withArray("/entries").get(0).get("entry")).put("nickname", "x");
    assertThat(bundleSchema.validate(broken.toString(), InputFormat.JSON)).isNotEmpty();
  }

  @Test
  void export_timeRangeOnly_containsTheRangeAndVerifies() {
    // the anchor is already signed (nothing new since): the export reuses it
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BundleExporter.Summary s =
        new BundleExporter(log).export(T0.plusSeconds(7), T0.plusSeconds(12), out);
    assertThat(s.entries()).isEqualTo(5);
    BundleVerifier.Result r =
        BundleVerifier.verify(new java.io.ByteArrayInputStream(out.toByteArray()), CERT);
    assertThat(r.entries()).isEqualTo(5);
  }

  @Test
  void verify_editedEntry_isRefusedWithFg4006NamingIt() {
    tamper(
        b ->
            ((ObjectNode) b.withArray("/entries").get(7).get("entry"))
                .put("purpose", "PROSECUTION"));
    assertCode("FG-4006", "entry 7");
  }

  @Test
  void verify_entryMovedToAnotherPosition_isRefusedWithFg4006() {
    tamper(
        b -> {
          ArrayNode entries = b.withArray("/entries");
          JsonNode e3 = entries.get(3).get("entry");
          ((ObjectNode) entries.get(3)).set("entry", entries.get(4).get("entry"));
          ((ObjectNode) entries.get(4)).set("entry", e3);
        });
    assertCode("FG-4006", "entry 3");
  }

  @Test
  void verify_wrongInclusionProof_isRefusedWithFg4006() {
    tamper(
        b -> {
          ArrayNode path = (ArrayNode) b.withArray("/entries").get(2).get("inclusionProof");
          path.set(0, path.get(1));
        });
    assertCode("FG-4006", "entry 2");
  }

  @Test
  void verify_forgedAnchorRoot_isRefusedWithFg4005() {
    tamper(b -> ((ObjectNode) b.get("anchor")).put("rootHash", "0".repeat(64)));
    assertCode("FG-4005", "/anchor");
  }

  @Test
  void verify_otherCertificate_isRefusedWithFg4005() {
    assertThatThrownBy(() -> BundleVerifier.verify(bundle, certOf(TestSupport.other())))
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-4005"));
  }

  @Test
  void verify_checkpointFromAnotherHistory_isRefusedWithFg4014() throws IOException {
    // a genuinely signed checkpoint of a different log (same key) cannot be passed off as a prefix
    Path otherDir = dir.resolve("other");
    try (AuditStore other = AuditStores.open("jdbc:h2:file:" + otherDir.resolve("audit"));
        AuditLog otherLog =
            AuditLog.open(other, TestSupport.manualCheckpoints(), TestSupport.es256())) {
      for (int i = 100; i < 110; i++) {
        otherLog.append(entry(i));
      }
      var cp = otherLog.checkpoints().checkpointNow();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new BundleExporter(otherLog).export(null, null, out);
      JsonNode foreign = JSON.readTree(out.toByteArray()).get("anchor");
      assertThat(foreign.get("treeSize").asLong()).isEqualTo(cp.checkpoint().treeSize());
      tamper(b -> ((ObjectNode) b.withArray("/checkpoints").get(1)).set("checkpoint", foreign));
    }
    assertCode("FG-4014", "size 10");
  }

  @Test
  void verify_notABundle_isRefusedWithFg4008() {
    InputStream garbage = new java.io.ByteArrayInputStream("[1,2".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> BundleVerifier.verify(garbage, CERT))
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-4008"));
    tamper(b -> b.put("type", "something-else"));
    assertCode("FG-4008", "/type");
  }

  @Test
  void readCertificate_garbage_isRefusedWithFg4011() {
    assertThatThrownBy(() -> CheckpointSignatures.readCertificate(new byte[] {1, 2, 3}))
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-4011"));
  }

  @Test
  void verify_pemAndDerCertificates_bothWork() {
    X509Certificate pem =
        CheckpointSignatures.readCertificate(TestSupport.bytes("keys/audit-es256.pem"));
    assertThat(BundleVerifier.verify(bundle, pem).entries()).isEqualTo(20);
  }

  private void tamper(Consumer<ObjectNode> change) {
    change.accept(bundle);
  }

  private void assertCode(String code, String detail) {
    assertThatThrownBy(() -> BundleVerifier.verify(bundle, CERT))
        .isInstanceOfSatisfying(
            FedgateException.class,
            e -> {
              assertThat(e.code()).isEqualTo(code);
              assertThat(e.detail()).contains(detail);
            });
  }

  private static Schema schema(String name) {
    Map<String, String> schemas = new HashMap<>();
    for (String s :
        new String[] {
          "audit-entry-1.0.schema.json",
          "checkpoint-1.0.schema.json",
          "audit-bundle-1.0.schema.json"
        }) {
      schemas.put(
          BASE + s,
          new String(TestSupport.bytes("schemas/canonical/" + s), StandardCharsets.UTF_8));
    }
    SchemaRegistry registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, b -> b.schemas(schemas));
    try {
      return registry.getSchema(SchemaLocation.of(BASE + name));
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException("schema " + name, e));
    }
  }
}
