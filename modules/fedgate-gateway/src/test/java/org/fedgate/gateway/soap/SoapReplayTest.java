package org.fedgate.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import org.apache.wss4j.common.WSS4JConstants;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.apache.wss4j.dom.message.WSSecUsernameToken;
import org.fedgate.gateway.demo.DemoFederation;
import org.fedgate.gateway.demo.MockSoapBackend;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The WS-Security replay protection of a receiving SOAP endpoint ({@link SoapSecurity#inbound} with
 * {@link SoapSecurity.ReplayCaches}, as the gateway's SOAP submission endpoint and the demo's SOAP
 * back end use them): a captured message sent again word for word is refused, a fresh one from the
 * same user is not, and the replay caches leave nothing in the temporary folder.
 */
class SoapReplayTest {

  private static final String USER = "id-backend";
  private static final String PASSWORD = "correct horse battery staple (test)";

  @Test
  void capturedMessage_sentAgain_isRefused_freshOneIsAccepted_andNoCacheDirectoryIsLeft()
      throws Exception {
    Set<Path> tmpBefore = cxfTempDirectories();
    int port = DemoFederation.freePort(); // a port no earlier CXF endpoint of this JVM had
    try (MockSoapBackend backend =
        new MockSoapBackend("127.0.0.1", port, USER, PASSWORD.toCharArray())) {
      // the endpoint's caches are ours: one directory of ours, none of WSS4J's default
      Set<Path> during = cxfTempDirectories();
      during.removeAll(tmpBefore);
      assertThat(during)
          .singleElement()
          .matches(p -> p.getFileName().toString().startsWith("fedgate-wss-replay-"));
      HttpClient http = HttpClient.newHttpClient();
      String captured = signedFetchCase(USER, PASSWORD);

      HttpResponse<String> first = post(http, backend.url(), captured);
      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.body()).contains("FetchCaseResponse");

      // the same nonce, created time and Timestamp again: a replay
      HttpResponse<String> replay = post(http, backend.url(), captured);
      assertThat(replay.statusCode()).isEqualTo(500);
      assertThat(replay.body()).contains("Fault").doesNotContain("FetchCaseResponse");

      // the user is not locked out: a new message (new nonce) goes through
      HttpResponse<String> fresh = post(http, backend.url(), signedFetchCase(USER, PASSWORD));
      assertThat(fresh.statusCode()).isEqualTo(200);
      assertThat(fresh.body()).contains("FetchCaseResponse");

      // and a wrong password is refused as before
      HttpResponse<String> wrong = post(http, backend.url(), signedFetchCase(USER, "guess"));
      assertThat(wrong.statusCode()).isEqualTo(500);
    }
    // WSS4J's default replay stores made a new cxf* directory per endpoint and left it; ours go
    assertThat(cxfTempDirectories()).isSubsetOf(tmpBefore);
  }

  /** A SOAP 1.1 FetchCase request with a UsernameToken (digest, nonce, created) and a Timestamp. */
  private static String signedFetchCase(String user, String password) throws Exception {
    DocumentBuilder db = SoapMessages.documentBuilder();
    Document doc = db.newDocument();
    String soapNs = WSS4JConstants.URI_SOAP11_ENV;
    Element envelope = doc.createElementNS(soapNs, "soap:Envelope");
    doc.appendChild(envelope);
    envelope.appendChild(doc.createElementNS(soapNs, "soap:Header"));
    Element body = doc.createElementNS(soapNs, "soap:Body");
    envelope.appendChild(body);
    Document request =
        SoapMessages.build("FetchCase", SoapMessages.fields("caseReference", "CASE-T-1"), null);
    body.appendChild(doc.importNode(request.getDocumentElement(), true));

    WSSecHeader header = new WSSecHeader(doc);
    header.insertSecurityHeader();
    WSSecUsernameToken token = new WSSecUsernameToken(header);
    token.setPasswordType(WSS4JConstants.PASSWORD_DIGEST);
    token.setUserInfo(user, password);
    token.addNonce();
    token.addCreated();
    token.build();
    WSSecTimestamp timestamp = new WSSecTimestamp(header);
    timestamp.setTimeToLive(300);
    timestamp.build();
    return SoapMessages.serialiseToString(doc.getDocumentElement());
  }

  private static HttpResponse<String> post(HttpClient http, String url, String xml)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "text/xml; charset=UTF-8")
            .header("SOAPAction", "\"\"")
            .POST(HttpRequest.BodyPublishers.ofString(xml))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The replay caches' directories in the temporary folder: WSS4J's default ones and ours. */
  private static Set<Path> cxfTempDirectories() throws IOException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    try (Stream<Path> s = Files.list(tmp)) {
      return s.filter(p -> p.getFileName().toString().matches("cxf[0-9]+|fedgate-wss-replay-.*"))
          .filter(Files::isDirectory)
          .collect(Collectors.toCollection(HashSet::new));
    }
  }
}
