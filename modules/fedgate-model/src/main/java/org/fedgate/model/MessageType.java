package org.fedgate.model;

/** The kinds of envelope that gateways exchange. */
public enum MessageType {
  CASE_NOTIFICATION,
  RECORD_REQUEST,
  RECORD_RESPONSE
}
