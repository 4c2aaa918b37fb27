/**
 * Values of the policy area that other modules read: the summary of an exchange agreement and the
 * minimisation report that the audit trail stores (paths only, never values).
 */
package org.fedgate.model.policy;
