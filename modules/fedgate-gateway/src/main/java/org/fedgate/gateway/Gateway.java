package org.fedgate.gateway;

import jakarta.xml.ws.soap.SOAPBinding;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.configuration.jsse.TLSServerParameters;
import org.apache.cxf.configuration.security.ClientAuthentication;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.transport.http_jetty.JettyHTTPServerEngineFactory;
import org.fedgate.gateway.api.AgencyResource;
import org.fedgate.gateway.api.FederationResource;
import org.fedgate.gateway.api.OpsResource;
import org.fedgate.gateway.api.ProblemMappers;
import org.fedgate.gateway.backend.HttpPartnerClient;
import org.fedgate.gateway.backend.NationalBackend;
import org.fedgate.gateway.backend.RestNationalBackend;
import org.fedgate.gateway.config.GatewayConfig;
import org.fedgate.gateway.metrics.GatewayMetrics;
import org.fedgate.gateway.port.AuditTrail;
import org.fedgate.gateway.port.EnvelopeTrust;
import org.fedgate.gateway.port.OfficerTokens;
import org.fedgate.gateway.port.RecordMinimisation;
import org.fedgate.gateway.port.RecordTranslation;
import org.fedgate.gateway.route.AuditAccessRoutes;
import org.fedgate.gateway.route.NotificationRoutes;
import org.fedgate.gateway.route.ReceivingRoutes;
import org.fedgate.gateway.route.RecordRequestRoutes;
import org.fedgate.gateway.route.RetentionRoutes;
import org.fedgate.gateway.soap.SoapNationalBackend;
import org.fedgate.gateway.soap.SoapSecurity;
import org.fedgate.gateway.soap.SoapSubmitEndpoint;
import org.fedgate.gateway.store.AuditedBatcher;
import org.fedgate.gateway.store.GatewayStore;
import org.fedgate.gateway.store.InboundQueue;
import org.fedgate.gateway.store.Outbox;
import org.fedgate.gateway.store.Quarantine;
import org.fedgate.gateway.store.RecordRequests;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running gateway: the Camel routes of the four flows, the agency API (JSON, OpenAPI, health,
 * metrics, SOAP for XML back ends) and the federation API (HTTPS, mutual TLS), over one store.
 * Start it with {@link #start}; {@link #close} stops it cleanly. Several may run in one JVM.
 */
public final class Gateway implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);

  /** The library modules behind their seams; {@link Modules#real} wires the real ones. */
  public record Modules(
      RecordTranslation translation,
      RecordMinimisation minimisation,
      EnvelopeTrust trust,
      AuditTrail audit,
      OfficerTokens officers,
      AutoCloseable resources) {}

  private final GatewayContext ctx;
  private final CamelContext camel;
  private final Bus bus;
  private final List<Server> servers = new ArrayList<>();
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private EndpointImpl soapEndpoint;
  private AutoCloseable modulesResources = () -> {};

  private Gateway(GatewayContext ctx, CamelContext camel, Bus bus) {
    this.ctx = ctx;
    this.camel = camel;
    this.bus = bus;
  }

  /** Starts a gateway with the given modules over its own store (opened here). */
  public static Gateway start(GatewayConfig config, Modules modules) {
    GatewayStore store = new GatewayStore(modules.audit().dataSource(), config.store().url());
    Clock clock = Clock.systemUTC();
    TlsMaterial tls = new TlsMaterial(config.tls());
    HttpPartnerClient partners =
        new HttpPartnerClient(
            tls.sslContext(), config.delivery().requestTimeout(), config.delivery().workers());
    NationalBackend backend = backend(config);
    GatewayMetrics metrics =
        new GatewayMetrics(config.agency().value(), config.metrics().commonTags());
    GatewayContext ctx =
        new GatewayContext(
            config,
            modules.translation(),
            modules.minimisation(),
            modules.trust(),
            modules.audit(),
            modules.officers(),
            store,
            new Outbox(store, config.instanceName(), config.delivery().claimLease()),
            new InboundQueue(store, config.instanceName(), config.delivery().claimLease()),
            new RecordRequests(store),
            new Quarantine(store),
            new org.fedgate.gateway.store.Submissions(store),
            new AuditedBatcher(
                modules.audit(), 256, config.store().groupCommitWait(), config.agency().value()),
            partners,
            backend,
            metrics,
            clock);
    metrics.outboxDepth(ctx.outbox()::depth);
    metrics.backendQueueDepth(() -> ctx.inbound().count(InboundQueue.State.PENDING_BACKEND));

    DefaultCamelContext camel = new DefaultCamelContext();
    camel.getCamelContextExtension().setName("fedgate-" + config.agency().value());
    camel.setUseMDCLogging(true);
    camel.getShutdownStrategy().setTimeout(5);
    Gateway gateway = new Gateway(ctx, camel, BusFactory.newInstance().createBus());
    gateway.closeables.add(partners);
    if (modules.resources() != null) {
      gateway.modulesResources = modules.resources();
    }
    if (backend instanceof AutoCloseable c) {
      gateway.closeables.add(c);
    }
    try {
      camel.addRoutes(new NotificationRoutes(ctx));
      camel.addRoutes(new ReceivingRoutes(ctx));
      camel.addRoutes(new RecordRequestRoutes(ctx));
      camel.addRoutes(new AuditAccessRoutes(ctx));
      camel.addRoutes(new RetentionRoutes(ctx));
      camel.start();
      gateway.startEndpoints(tls);
    } catch (FedgateException e) {
      gateway.close();
      throw e;
    } catch (Exception e) {
      gateway.close();
      throw new FedgateException(
          GatewayError.INTERNAL, "gateway failed to start: " + e.getClass().getSimpleName(), e);
    }
    LOG.info(
        "gateway started: agency={} agencyApi={} federationApi={}",
        config.agency(),
        gateway.agencyApiUrl(),
        gateway.federationApiUrl());
    return gateway;
  }

  private static NationalBackend backend(GatewayConfig config) {
    GatewayConfig.Backend b = config.backend();
    if (b == null || b.type() == GatewayConfig.BackendType.INBOX) {
      return new NationalBackend() {
        @Override
        public void deliver(Delivery delivery) {
          throw new IllegalStateException("no back end configured");
        }

        @Override
        public java.util.Optional<byte[]> fetchCase(String caseReference) {
          return java.util.Optional.empty();
        }

        @Override
        public boolean configured() {
          return false;
        }
      };
    }
    return b.type() == GatewayConfig.BackendType.SOAP
        ? new SoapNationalBackend(b)
        : new RestNationalBackend(b);
  }

  private void startEndpoints(TlsMaterial tls) throws Exception {
    GatewayConfig c = ctx.config();
    JettyHTTPServerEngineFactory jetty = bus.getExtension(JettyHTTPServerEngineFactory.class);
    TLSServerParameters tlsParams = new TLSServerParameters();
    tlsParams.setKeyManagers(tls.keyManagers());
    tlsParams.setTrustManagers(tls.trustManagers());
    ClientAuthentication clientAuth = new ClientAuthentication();
    clientAuth.setRequired(Boolean.TRUE);
    clientAuth.setWant(Boolean.TRUE);
    tlsParams.setClientAuthentication(clientAuth);
    jetty.setTLSServerParametersForPort(
        c.federationApi().host(), c.federationApi().port(), tlsParams);
    GatewayConfig.Listen api = c.agencyApi();
    if (api.tls() != null) {
      // server authentication only: officers and the back end authenticate inside the request
      TLSServerParameters apiTls = new TLSServerParameters();
      apiTls.setKeyManagers(TlsMaterial.serverKeyManagers(api.tls()));
      jetty.setTLSServerParametersForPort(api.host(), api.port(), apiTls);
    } else if (!api.loopbackOnly()) {
      LOG.warn(
          "agency API of {} is plain HTTP on {}: officers' tokens and records cross the network"
              + " in clear; configure agencyApi.tls or terminate TLS in front of it",
          c.agency(),
          api.host());
    }

    ProducerTemplate producer = camel.createProducerTemplate();
    AgencyResource agencyResource = new AgencyResource(ctx, producer);
    List<Object> providers =
        List.of(
            new com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider(GatewayContext.JSON),
            new ProblemMappers());

    JAXRSServerFactoryBean agency = new JAXRSServerFactoryBean();
    agency.setBus(bus);
    agency.setAddress(api.origin(api.port()) + "/");
    agency.setServiceBeans(
        List.of(
            agencyResource,
            new OpsResource(ctx, () -> camel.getStatus() == ServiceStatus.Started)));
    agency.setProviders(providers);
    servers.add(agency.create());

    JAXRSServerFactoryBean federation = new JAXRSServerFactoryBean();
    federation.setBus(bus);
    federation.setAddress(
        "https://" + c.federationApi().host() + ":" + c.federationApi().port() + "/federation/v1");
    federation.setServiceBeans(List.of(new FederationResource(ctx, producer)));
    federation.setProviders(providers);
    servers.add(federation.create());

    GatewayConfig.Backend b = c.backend();
    if (b != null && b.soapInbound() != null) {
      soapEndpoint = new EndpointImpl(bus, new SoapSubmitEndpoint(agencyResource));
      soapEndpoint.setBindingUri(SOAPBinding.SOAP11HTTP_BINDING);
      SoapSecurity.ReplayCaches replay =
          SoapSecurity.ReplayCaches.open(
              "soap-submit-" + ctx.agency().value() + "-" + System.identityHashCode(this));
      closeables.add(replay); // closed after the endpoint has stopped (close())
      soapEndpoint.setProperties(replay.endpointProperties());
      soapEndpoint
          .getInInterceptors()
          .add(
              SoapSecurity.inbound(
                  b.soapInbound().username(),
                  b.soapInbound().password() == null
                      ? new char[0]
                      : b.soapInbound().password().chars()));
      soapEndpoint.publish(api.origin(api.port()) + "/soap/notifications");
    }
  }

  public GatewayContext context() {
    return ctx;
  }

  public CamelContext camel() {
    return camel;
  }

  public String agencyApiUrl() {
    GatewayConfig.Listen l = ctx.config().agencyApi();
    return l.publicUrl() != null ? l.publicUrl() : l.origin(l.port());
  }

  public String federationApiUrl() {
    GatewayConfig.Listen l = ctx.config().federationApi();
    return l.publicUrl() != null
        ? l.publicUrl()
        : "https://" + l.host() + ":" + l.port() + "/federation/v1";
  }

  @Override
  public void close() {
    try {
      camel.stop();
    } catch (RuntimeException e) {
      LOG.warn("camel stop failed: {}", e.getClass().getName());
    }
    if (soapEndpoint != null) {
      soapEndpoint.stop();
    }
    for (Server s : servers) {
      s.stop();
      s.destroy();
    }
    bus.shutdown(true);
    JettyHTTPServerEngineFactory.destroyForPort(ctx.config().agencyApi().port());
    JettyHTTPServerEngineFactory.destroyForPort(ctx.config().federationApi().port());
    closeables.add(ctx.batcher());
    closeables.add(modulesResources);
    for (AutoCloseable c : closeables) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("close failed: {}", e.getClass().getName());
      }
    }
  }
}
