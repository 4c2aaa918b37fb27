package org.fedgate.trust;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fedgate.model.envelope.MessageIds;
import org.fedgate.model.envelope.Receipt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What we sign conforms to the published schemas (loaded from the class path). */
class SchemaConformanceTest {

  @TempDir Path dir;

  private static Schema schema(String name) throws Exception {
    try (InputStream in =
        SchemaConformanceTest.class
            .getClassLoader()
            .getResourceAsStream("schemas/canonical/" + name)) {
      assertThat(in).as(name).isNotNull();
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
    }
  }

  private static String payloadOf(String jws) {
    Jws.Flattened f = Jws.parseFlattened(jws);
    return new String(Jws.b64url(f.payloadB64(), "payload"), StandardCharsets.UTF_8);
  }

  @Test
  void sealedEnvelopeReceiptAndDirectory_conformToSchemas() throws Exception {
    TestFederation fed = TestFederation.create(dir, JwsAlgorithm.ES256);
    String env =
        new EnvelopeSealer(fed.signing(TestFederation.TH))
            .seal(
                fed.envelope(TestFederation.TH, TestFederation.KH)
                    .justificationRef("JUST-1")
                    .build());
    assertThat(schema("envelope-1.0.schema.json").validate(payloadOf(env), InputFormat.JSON))
        .isEmpty();

    String accepted =
        new ReceiptSigner(fed.signing(TestFederation.KH))
            .sign(
                Receipt.rejected(
                    MessageIds.newUuidV7(),
                    TestFederation.KH,
                    TestFederation.TH,
                    EnvelopeSealer.payloadSha256(env),
                    fed.now,
                    "FG-2013"));
    assertThat(schema("receipt-1.0.schema.json").validate(payloadOf(accepted), InputFormat.JSON))
        .isEmpty();

    String directory = Files.readString(fed.pki.directoryJson());
    assertThat(schema("directory-1.0.schema.json").validate(directory, InputFormat.JSON)).isEmpty();
    assertThat(schema("directory-1.0.schema.json").validate("{\"version\":0}", InputFormat.JSON))
        .isNotEmpty();
  }
}
