/**
 * Java records for the canonical ACR 1.0 model ({@code schemas/canonical/acr-1.0.schema.json}).
 * Coded values are strings holding the schema's enum values; the gateway mostly works on JSON
 * trees, these types serve typed access. String forms never show personal data.
 */
package org.fedgate.model.acr;
