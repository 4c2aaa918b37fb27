package org.fedgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Fictional canonical (ACR 1.0) records shipped for demos, tests and benchmarks: a scam-compound
 * raid (suspects, an organisation, accounts, phones, victims adult, minor, of unknown age and under
 * non-disclosure, a PhilSys number, free text), a referral of child victims, and a money-mule
 * network. Every name and number in them is invented.
 */
public final class SampleRecords {

  private static final String DIR = "org/fedgate/policy/samples/";
  private static final List<String> NAMES =
      List.of("raid-scam-compound", "victim-referral", "money-mule-network");
  private static final ObjectMapper JSON = new ObjectMapper();

  private SampleRecords() {}

  public static List<String> names() {
    return NAMES;
  }

  /** The record with this name (without {@code .json}). */
  public static JsonNode read(String name) {
    try (InputStream in =
        SampleRecords.class.getClassLoader().getResourceAsStream(DIR + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no sample record " + name);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
