package org.fedgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.fedgate.model.spi.VerifiedDocument;

/** Shared test data: a fixed clock, the shipped agreements, test keys, sample records. */
final class Fixtures {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String LEGAL_BASIS = "ASEAN MLAT 2004 request TH-2026-0417";
  static final PseudonymKeyring KEYS =
      PseudonymKeyring.derivedFrom(
          "fixed test master secret for fedgate-policy tests".getBytes(StandardCharsets.UTF_8));

  private Fixtures() {}

  private static final List<Agreement> SHIPPED = ShippedAgreements.parseAll();

  static List<Agreement> agreements() {
    return SHIPPED;
  }

  static Agreement agreement(String id) {
    return SHIPPED.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  static Minimiser minimiser() {
    return new Minimiser(KEYS, CLOCK);
  }

  static JsonNode sample(String name) {
    return SampleRecords.read(name);
  }

  /** Every (agreement, purpose) pair the shipped agreements allow. */
  static List<Object[]> agreementPurposes() {
    List<Object[]> out = new ArrayList<>();
    for (Agreement a : agreements()) {
      for (Purpose p : Purpose.values()) {
        if (a.purposes().contains(p)) {
          out.add(new Object[] {a, p});
        }
      }
    }
    return out;
  }

  static byte[] shippedBytes(String id) {
    return ShippedAgreements.read(id + ".json").orElseThrow();
  }

  static ObjectNode shippedJson(String id) {
    try {
      return (ObjectNode) JSON.readTree(shippedBytes(id));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static byte[] bytes(JsonNode n) {
    try {
      return JSON.writeValueAsBytes(n);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static VerifiedDocument signedByBoth(byte[] payload) {
    JsonNode n;
    try {
      n = JSON.readTree(payload);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new VerifiedDocument(
        payload, Set.of(AgencyId.of(n.get("from").asText()), AgencyId.of(n.get("to").asText())));
  }

  /** Every string value anywhere in the tree. */
  static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    collect(n, out);
    return out;
  }

  private static void collect(JsonNode n, List<String> out) {
    if (n.isTextual()) {
      out.add(n.textValue());
    }
    n.forEach(c -> collect(c, out));
    if (n.isObject()) {
      n.fieldNames().forEachRemaining(f -> {});
    }
  }
}
