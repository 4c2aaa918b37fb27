/**
 * Audit stores behind one interface: an embedded H2 file database (default) and PostgreSQL, with
 * Flyway migrations under {@code db/migration/audit/<kind>}.
 */
package org.fedgate.audit.store;
