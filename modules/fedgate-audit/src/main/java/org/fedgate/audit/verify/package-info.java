/**
 * The verifying side, kept apart from the writing code ({@code org.fedgate.audit.merkle}) so that a
 * bug in one is not silently mirrored in the other: its own RFC 6962 hashing, RFC 9162 proof
 * verification, checkpoint signatures with only the JDK and a certificate, the whole-store verifier
 * and the offline bundle verifier.
 */
package org.fedgate.audit.verify;
