/**
 * The seams between the gateway runtime and the library modules: each interface says what the
 * gateway needs (translate, minimise, seal and open, audit, authenticate) and one adapter per
 * interface wires the real module (mapping, policy, trust, audit). Routes and endpoints depend only
 * on these interfaces, so they can be read and tested without the modules' internals.
 */
package org.fedgate.gateway.port;
