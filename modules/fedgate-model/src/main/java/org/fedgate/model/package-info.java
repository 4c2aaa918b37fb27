/**
 * The canonical regional model (ACR), envelope and audit types, error codes and the interfaces
 * between the parts of a gateway. Depends on Jackson only.
 */
package org.fedgate.model;
