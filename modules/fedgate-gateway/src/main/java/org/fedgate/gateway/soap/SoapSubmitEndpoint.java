package org.fedgate.gateway.soap;

import jakarta.xml.soap.SOAPFactory;
import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import jakarta.xml.ws.soap.SOAPFaultException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import org.fedgate.gateway.api.AgencyResource;
import org.fedgate.gateway.api.ProblemMappers;
import org.fedgate.model.AgencyId;
import org.fedgate.model.Purpose;
import org.fedgate.model.error.ErrorCode;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * SOAP entry for a national back end that speaks XML (ID): {@code SubmitNotification} with partners
 * ({@code to}, repeated), purpose, legal basis, justification and the national record. WS-Security
 * (UsernameToken digest and Timestamp) is enforced by the interceptor in front of it. Faults carry
 * the FG code and fixed title only.
 */
@WebServiceProvider(
    serviceName = "NationalBackendService",
    portName = "GatewayPort",
    targetNamespace = SoapMessages.NS)
@ServiceMode(Service.Mode.PAYLOAD)
public final class SoapSubmitEndpoint implements Provider<Source> {

  private final AgencyResource agencyApi;

  public SoapSubmitEndpoint(AgencyResource agencyApi) {
    this.agencyApi = agencyApi;
  }

  @Override
  public Source invoke(Source request) {
    try {
      Element req = SoapMessages.toElement(request);
      if (!"SubmitNotification".equals(req.getLocalName())) {
        throw new FedgateException(GatewayError.UNSUPPORTED_MESSAGE, "unknown SOAP operation");
      }
      List<AgencyId> to = new ArrayList<>();
      for (Node n = req.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element e && "to".equals(e.getLocalName())) {
          try {
            to.add(AgencyId.of(e.getTextContent().trim()));
          } catch (IllegalArgumentException ex) {
            throw new FedgateException(GatewayError.REQUEST_INVALID, "to is not an agency id");
          }
        }
      }
      String purpose = SoapMessages.text(req, "purpose");
      String legalBasis = SoapMessages.text(req, "legalBasis");
      String justification = SoapMessages.text(req, "justification");
      if (purpose == null || legalBasis == null || justification == null) {
        throw new FedgateException(
            GatewayError.JUSTIFICATION_MISSING,
            "purpose, legalBasis and justification are required");
      }
      Purpose p;
      try {
        p = Purpose.valueOf(purpose);
      } catch (IllegalArgumentException e) {
        throw new FedgateException(GatewayError.REQUEST_INVALID, "purpose is not a known purpose");
      }
      byte[] record = SoapMessages.recordBytes(req);
      AgencyResource.Submission s =
          agencyApi.submit(
              record,
              to,
              new AgencyResource.Justification(p, legalBasis, justification),
              "backend-soap",
              "OFFICER",
              org.fedgate.gateway.api.IdempotencyKeys.parse(
                  SoapMessages.text(req, "idempotencyKey")));
      var fields = SoapMessages.fields("status", "ACCEPTED", "conversationId", s.conversationId());
      var doc = SoapMessages.build("SubmitNotificationResponse", fields, null);
      for (String id : s.messageIds()) {
        Element m = doc.createElementNS(SoapMessages.NS, "fg:messageId");
        m.setTextContent(id);
        doc.getDocumentElement().appendChild(m);
      }
      return new DOMSource(doc);
    } catch (RuntimeException e) {
      Throwable t = ProblemMappers.unwrap(e);
      ErrorCode code = t instanceof FedgateException fe ? fe.errorCode() : GatewayError.INTERNAL;
      throw fault(code);
    }
  }

  static SOAPFaultException fault(ErrorCode code) {
    try {
      var fault =
          SOAPFactory.newInstance()
              .createFault(
                  code.code() + " " + code.title(),
                  new javax.xml.namespace.QName(
                      "http://schemas.xmlsoap.org/soap/envelope/",
                      code.httpStatus() < 500 ? "Client" : "Server"));
      return new SOAPFaultException(fault);
    } catch (Exception e) {
      throw new IllegalStateException("SOAP fault creation failed", e);
    }
  }
}
