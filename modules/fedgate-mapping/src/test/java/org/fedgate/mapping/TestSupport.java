package org.fedgate.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

/** Shared fixtures: one translator with a fixed clock, the repository's schemas directory. */
final class TestSupport {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC);
  static final Translator TRANSLATOR = Translator.builder().clock(CLOCK).checkOutputs(true).build();

  private TestSupport() {}

  static Path root() {
    String r = System.getProperty("fedgate.root");
    Path p = r == null ? Path.of("../..") : Path.of(r);
    return p.toAbsolutePath().normalize();
  }

  static Path profileDir(String cc) {
    return root().resolve("schemas/national/" + cc.toLowerCase(java.util.Locale.ROOT));
  }

  static List<Path> samples(String cc) {
    try (Stream<Path> s = Files.list(profileDir(cc).resolve("samples"))) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(Path p) {
    try {
      return JSON.readTree(p.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
