package org.fedgate.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.fedgate.model.envelope.Envelope;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnvelopeRoundTripTest {

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(JwsAlgorithm.class)
  void open_sealedByMember_returnsEnvelopeAndSigner(JwsAlgorithm alg) throws Exception {
    TestFederation fed = TestFederation.create(dir, alg);
    Envelope env = fed.envelope(TestFederation.TH, TestFederation.KH).build();
    String jws = new EnvelopeSealer(fed.signing(TestFederation.TH)).seal(env);

    VerifiedEnvelope v = fed.verifier(TestFederation.KH).open(jws, fed.now);

    assertThat(v.envelope()).isEqualTo(env);
    assertThat(v.signer()).isEqualTo(TestFederation.TH);
    assertThat(v.payloadSha256()).isEqualTo(EnvelopeSealer.payloadSha256(jws));
    assertThat(jws).contains("\"protected\"").doesNotContain("Test Person");
  }

  @ParameterizedTest
  @EnumSource(JwsAlgorithm.class)
  void sealWithDigest_digestIsThatOfTheSignedPayload(JwsAlgorithm alg) throws Exception {
    TestFederation fed = TestFederation.create(dir, alg);
    Envelope env = fed.envelope(TestFederation.TH, TestFederation.KH).build();
    EnvelopeSealer.Sealed sealed =
        new EnvelopeSealer(fed.signing(TestFederation.TH)).sealWithDigest(env);

    assertThat(sealed.payloadSha256()).isEqualTo(EnvelopeSealer.payloadSha256(sealed.jws()));
    assertThat(fed.verifier(TestFederation.KH).open(sealed.jws(), fed.now).payloadSha256())
        .isEqualTo(sealed.payloadSha256());
  }
}
