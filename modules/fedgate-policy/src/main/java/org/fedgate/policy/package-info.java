/**
 * Exchange agreements, data minimisation and the victim-protection rules that stand above every
 * agreement. Pure functions: no network, no database, no knowledge of signatures beyond the signer
 * set that the trust module hands over in a {@link org.fedgate.model.spi.VerifiedDocument}.
 */
package org.fedgate.policy;
