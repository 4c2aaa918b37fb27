/**
 * The writing side of the Merkle log: RFC 6962 / RFC 9162 hashing, the in-memory compact tree and
 * proof generation. Nothing in {@code org.fedgate.audit.verify} depends on this package.
 */
package org.fedgate.audit.merkle;
