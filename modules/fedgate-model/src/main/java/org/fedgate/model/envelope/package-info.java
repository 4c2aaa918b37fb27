/** Envelope and receipt values exchanged between gateways (the payloads of signed JWS). */
package org.fedgate.model.envelope;
