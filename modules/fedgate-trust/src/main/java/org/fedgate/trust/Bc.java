package org.fedgate.trust;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one Bouncy Castle provider instance. It is passed explicitly to every signature, key factory
 * and certificate builder and never inserted into the JVM's provider list: putting it first slowed
 * RSA and certificate parsing elsewhere in the gateway.
 */
final class Bc {
  static final Provider PROVIDER = new BouncyCastleProvider();

  private Bc() {}
}
