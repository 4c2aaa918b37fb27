/**
 * Audit-trail values: what one logged operation on personal data records (metadata only, never the
 * data itself).
 */
package org.fedgate.model.audit;
