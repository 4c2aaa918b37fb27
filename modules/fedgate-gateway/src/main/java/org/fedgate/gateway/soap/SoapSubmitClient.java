package org.fedgate.gateway.soap;

import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.soap.SOAPBinding;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.jaxws.DispatchImpl;
import org.fedgate.model.AgencyId;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What an XML national back end (ID) uses to submit a notification to its gateway by SOAP, with a
 * WS-Security UsernameToken (digest) and Timestamp. Used by the demo and the end-to-end tests; a
 * real back end would generate its client from the same contract.
 */
public final class SoapSubmitClient {

  private final Dispatch<Source> dispatch;

  public SoapSubmitClient(String url, String username, char[] password) {
    Service service = Service.create(SoapMessages.SERVICE);
    service.addPort(SoapMessages.PORT, SOAPBinding.SOAP11HTTP_BINDING, url);
    this.dispatch = service.createDispatch(SoapMessages.PORT, Source.class, Service.Mode.PAYLOAD);
    ((DispatchImpl<?>) dispatch)
        .getClient()
        .getOutInterceptors()
        .add(SoapSecurity.outbound(username, password));
    dispatch.getRequestContext().put("force.urlconnection.http.conduit", Boolean.TRUE);
  }

  /** Submits; returns the message ids created (one per partner). SOAP faults are thrown. */
  public List<String> submit(
      List<AgencyId> to, String purpose, String legalBasis, String justification, byte[] xml) {
    return submit(to, purpose, legalBasis, justification, xml, null);
  }

  /**
   * Submits with an idempotency key ({@code null}: none): sent again with the same key, the same
   * submission answers with the same message ids and nothing is sent twice.
   */
  public List<String> submit(
      List<AgencyId> to,
      String purpose,
      String legalBasis,
      String justification,
      byte[] xml,
      String idempotencyKey) {
    var doc =
        SoapMessages.build(
            "SubmitNotification",
            SoapMessages.fields(
                "purpose",
                purpose,
                "legalBasis",
                legalBasis,
                "justification",
                justification,
                "idempotencyKey",
                idempotencyKey),
            xml);
    Element root = doc.getDocumentElement();
    Node first = root.getFirstChild();
    for (AgencyId a : to) {
      Element e = doc.createElementNS(SoapMessages.NS, "fg:to");
      e.setTextContent(a.value());
      root.insertBefore(e, first);
    }
    Element answer = SoapMessages.toElement(dispatch.invoke(new DOMSource(doc)));
    List<String> ids = new ArrayList<>();
    for (Node n = answer.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && "messageId".equals(e.getLocalName())) {
        ids.add(e.getTextContent().trim());
      }
    }
    return ids;
  }
}
