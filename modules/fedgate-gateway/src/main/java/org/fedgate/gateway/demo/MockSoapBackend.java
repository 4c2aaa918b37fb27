package org.fedgate.gateway.demo;

import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.EndpointImpl;
import org.fedgate.gateway.soap.SoapMessages;
import org.fedgate.gateway.soap.SoapSecurity;
import org.w3c.dom.Element;

/**
 * A mock national back end that speaks SOAP with WS-Security, as the Indonesian system would: it
 * accepts {@code DeliverNotification} (idempotently by message id) and answers {@code FetchCase}
 * from a fixed set of records. For the demo and the end-to-end tests only.
 */
public final class MockSoapBackend implements AutoCloseable {

  /** A record received from the gateway. */
  public record Received(String messageId, String sender, String purpose, String xml) {}

  private final Map<String, Received> received = new ConcurrentHashMap<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> cases = new ConcurrentHashMap<>();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final Bus bus;
  private final EndpointImpl endpoint;
  private final SoapSecurity.ReplayCaches replay;
  private final String url;

  public MockSoapBackend(String host, int port, String username, char[] password) {
    this.bus = BusFactory.newInstance().createBus();
    this.url = "http://" + host + ":" + port + "/soap/backend";
    this.endpoint = new EndpointImpl(bus, new Handler());
    endpoint.getInInterceptors().add(SoapSecurity.inbound(username, password));
    this.replay =
        SoapSecurity.ReplayCaches.open("mock-soap-backend-" + System.identityHashCode(this));
    endpoint.setProperties(replay.endpointProperties());
    try {
      endpoint.publish(url);
    } catch (RuntimeException e) {
      replay.close();
      bus.shutdown(true);
      throw e;
    }
  }

  public String url() {
    return url;
  }

  /** Adds a case the back end can answer record requests with. */
  public void addCase(String reference, byte[] xml) {
    cases.put(reference, xml.clone());
  }

  public Map<String, Received> received() {
    return Map.copyOf(received);
  }

  /** Every DeliverNotification call, including redeliveries of the same message id. */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  public int duplicates() {
    return duplicates.get();
  }

  @Override
  public void close() {
    try {
      endpoint.stop();
      bus.shutdown(true);
    } finally {
      replay.close();
    }
  }

  @WebServiceProvider(
      serviceName = "NationalBackendService",
      portName = "NationalBackendPort",
      targetNamespace = SoapMessages.NS)
  @ServiceMode(Service.Mode.PAYLOAD)
  private final class Handler implements Provider<Source> {
    @Override
    public Source invoke(Source request) {
      Element req = SoapMessages.toElement(request);
      if ("FetchCase".equals(req.getLocalName())) {
        byte[] xml = cases.get(String.valueOf(SoapMessages.text(req, "caseReference")));
        return new DOMSource(SoapMessages.build("FetchCaseResponse", Map.of(), xml));
      }
      String id = SoapMessages.text(req, "messageId");
      calls.add(id);
      Element record = SoapMessages.child(req, "record");
      String xml =
          record == null || SoapMessages.firstElement(record) == null
              ? ""
              : SoapMessages.serialiseToString(SoapMessages.firstElement(record));
      Received prev =
          received.putIfAbsent(
              id,
              new Received(
                  id, SoapMessages.text(req, "sender"), SoapMessages.text(req, "purpose"), xml));
      if (prev != null) {
        duplicates.incrementAndGet();
      }
      return new DOMSource(
          SoapMessages.build(
              "DeliverNotificationResponse",
              SoapMessages.fields("status", prev == null ? "ACCEPTED" : "DUPLICATE"),
              null));
    }
  }
}
