package org.fedgate.gateway;

import org.fedgate.gateway.config.GatewayConfig;
import org.fedgate.model.error.FedgateException;
import org.fedgate.model.error.GatewayError;

/** Wires the real library modules (mapping, policy, trust, audit) behind the gateway's seams. */
public final class ModuleWiring {

  private ModuleWiring() {}

  /** Builds the modules from the configuration. */
  public static Gateway.Modules wire(GatewayConfig config) {
    // the library modules are integrated as they land on main
    throw new FedgateException(GatewayError.INTERNAL, "library modules not wired in this build");
  }
}
