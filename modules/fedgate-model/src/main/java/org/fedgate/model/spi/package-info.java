/** Interfaces and values that connect one library module to another through the gateway. */
package org.fedgate.model.spi;
