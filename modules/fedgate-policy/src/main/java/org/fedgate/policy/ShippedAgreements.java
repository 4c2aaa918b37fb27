package org.fedgate.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The example agreements shipped under {@code schemas/agreements/} on the class path, listed in
 * {@code schemas/agreements/INDEX}. They are unsigned JSON: a gateway receives them signed (JWS by
 * both agencies) and loads them with {@link AgreementLoader#load}; tools and tests parse them.
 */
public final class ShippedAgreements {

  static final String DIR = "schemas/agreements/";

  private ShippedAgreements() {}

  /** The file names of the shipped agreements. */
  public static List<String> files() {
    String index = new String(read("INDEX").orElseThrow(), java.nio.charset.StandardCharsets.UTF_8);
    List<String> names = new ArrayList<>();
    for (String line : index.split("\n")) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        names.add(l);
      }
    }
    return names;
  }

  /** The raw bytes of a shipped agreement file. */
  public static Optional<byte[]> read(String fileName) {
    try (InputStream in =
        ShippedAgreements.class.getClassLoader().getResourceAsStream(DIR + fileName)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every shipped agreement, parsed and checked (signatures and validity not checked). */
  public static List<Agreement> parseAll() {
    return files().stream().map(f -> AgreementLoader.parse(read(f).orElseThrow())).toList();
  }

  /** The shipped agreement with this id, parsed (signatures and validity not checked). */
  public static Optional<Agreement> byId(String id) {
    return parseAll().stream().filter(a -> a.id().equals(id)).findFirst();
  }
}
