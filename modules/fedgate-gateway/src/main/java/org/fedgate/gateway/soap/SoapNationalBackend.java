package org.fedgate.gateway.soap;

import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.soap.SOAPBinding;
import java.util.Optional;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.jaxws.DispatchImpl;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.fedgate.gateway.backend.NationalBackend;
import org.fedgate.gateway.backend.TransientDeliveryException;
import org.fedgate.gateway.config.GatewayConfig;
import org.w3c.dom.Element;

/**
 * A national back end reached over SOAP 1.1 with WS-Security (UsernameToken with digest and
 * Timestamp): {@code DeliverNotification} carries the envelope ids and the national XML record; the
 * message id doubles as the idempotency key.
 */
public final class SoapNationalBackend implements NationalBackend {

  private final GatewayConfig.Backend config;
  private final ThreadLocal<Dispatch<Source>> dispatch;

  public SoapNationalBackend(GatewayConfig.Backend config) {
    this.config = config;
    // a Dispatch is not thread-safe for concurrent invocations: one per delivery thread
    this.dispatch = ThreadLocal.withInitial(this::newDispatch);
  }

  private Dispatch<Source> newDispatch() {
    Service service = Service.create(SoapMessages.SERVICE);
    service.addPort(SoapMessages.PORT, SOAPBinding.SOAP11HTTP_BINDING, config.url());
    Dispatch<Source> d =
        service.createDispatch(SoapMessages.PORT, Source.class, Service.Mode.PAYLOAD);
    DispatchImpl<?> impl = (DispatchImpl<?>) d;
    impl.getClient()
        .getOutInterceptors()
        .add(
            SoapSecurity.outbound(
                config.username(),
                config.password() == null ? new char[0] : config.password().chars()));
    // the URLConnection conduit avoids the JDK client's thread-per-request on 2 cores
    d.getRequestContext().put("force.urlconnection.http.conduit", Boolean.TRUE);
    HTTPConduit conduit = (HTTPConduit) impl.getClient().getConduit();
    HTTPClientPolicy policy = new HTTPClientPolicy();
    policy.setConnectionTimeout(config.timeout().toMillis());
    policy.setReceiveTimeout(config.timeout().toMillis());
    conduit.setClient(policy);
    return d;
  }

  @Override
  public void deliver(Delivery d) {
    var doc =
        SoapMessages.build(
            "DeliverNotification",
            SoapMessages.fields(
                "messageId", d.messageId(),
                "conversationId", d.conversationId(),
                "sender", d.sender(),
                "messageType", d.messageType(),
                "purpose", d.purpose()),
            d.body());
    try {
      Source answer = dispatch.get().invoke(new DOMSource(doc));
      Element e = SoapMessages.toElement(answer);
      String status = SoapMessages.text(e, "status");
      if (!"ACCEPTED".equals(status) && !"DUPLICATE".equals(status)) {
        throw new TransientDeliveryException("SOAP back end status not accepted");
      }
    } catch (TransientDeliveryException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new TransientDeliveryException("SOAP back end failed", e);
    }
  }

  @Override
  public Optional<byte[]> fetchCase(String caseReference) {
    var doc =
        SoapMessages.build("FetchCase", SoapMessages.fields("caseReference", caseReference), null);
    try {
      Source answer = dispatch.get().invoke(new DOMSource(doc));
      Element e = SoapMessages.toElement(answer);
      if (SoapMessages.child(e, "record") == null) {
        return Optional.empty();
      }
      return Optional.of(SoapMessages.recordBytes(e));
    } catch (RuntimeException e) {
      throw new TransientDeliveryException("SOAP back end failed", e);
    }
  }

  @Override
  public boolean configured() {
    return true;
  }
}
