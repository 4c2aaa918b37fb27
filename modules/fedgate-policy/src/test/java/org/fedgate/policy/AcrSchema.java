package org.fedgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The canonical ACR 1.0 schema, for checking samples and minimised output in tests. */
final class AcrSchema {

  private static final Schema SCHEMA = load();

  private AcrSchema() {}

  static List<String> errors(JsonNode record) {
    String json = new String(Fixtures.bytes(record), StandardCharsets.UTF_8);
    return SCHEMA.validate(json, InputFormat.JSON).stream().map(Error::toString).toList();
  }

  private static Schema load() {
    try (InputStream in =
        AcrSchema.class.getClassLoader().getResourceAsStream(CanonicalSchema.RESOURCE)) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
