package org.fedgate.model.error;

/**
 * Trust failures ({@code FG-2xxx}): signatures, certificates, the federation directory, replay,
 * receipts, multi-party documents and officer tokens. Each verification failure has its own code.
 */
public enum TrustError implements ErrorCode {
  NOT_JSON("FG-2001", 400, "Input is not a JSON document"),
  MALFORMED_JWS("FG-2002", 400, "Malformed or truncated JWS"),
  UNSECURED_JWS("FG-2003", 400, "Unsigned JWS (alg none) refused"),
  ALGORITHM_NOT_ALLOWED("FG-2004", 400, "Signature algorithm not allowed"),
  ALGORITHM_KEY_MISMATCH("FG-2005", 400, "Signature algorithm does not match the certificate key"),
  HEADER_INVALID("FG-2006", 400, "JWS protected header invalid"),
  UNKNOWN_KEY_ID("FG-2007", 401, "Unknown key id"),
  CHAIN_TOO_LARGE("FG-2008", 400, "Certificate chain too long or too large"),
  CERTIFICATE_UNTRUSTED("FG-2009", 401, "Certificate does not chain to the federation root"),
  CERTIFICATE_EXPIRED("FG-2010", 401, "Certificate not valid at the required time"),
  CERTIFICATE_REVOKED("FG-2011", 401, "Certificate revoked"),
  KEY_USAGE_INVALID("FG-2012", 401, "Certificate key usage does not permit this use"),
  SIGNATURE_INVALID("FG-2013", 401, "Signature does not verify"),
  SENDER_NOT_SIGNER("FG-2014", 403, "Signer is not the declared sender"),
  REPLAY("FG-2015", 409, "Message id already seen"),
  ENVELOPE_EXPIRED("FG-2016", 400, "Envelope expired"),
  OUTSIDE_TIME_WINDOW("FG-2017", 400, "Creation time outside the accepted clock-skew window"),
  PAYLOAD_INVALID("FG-2018", 400, "Signed payload is not a valid document of the expected type"),
  RECIPIENT_MISMATCH("FG-2019", 403, "Envelope is addressed to another agency"),
  REPLAY_STORE_FULL("FG-2020", 503, "Replay store full; try again later"),
  DIRECTORY_SIGNATURE_INVALID("FG-2021", 502, "Federation directory signature invalid"),
  DIRECTORY_ROLLBACK("FG-2022", 502, "Federation directory older than the one held"),
  DIRECTORY_STALE("FG-2023", 503, "Federation directory past its next update"),
  UNKNOWN_MEMBER("FG-2024", 403, "Agency is not a member of the federation"),
  DIRECTORY_INVALID("FG-2025", 502, "Federation directory document invalid"),
  DIRECTORY_UNAVAILABLE("FG-2026", 503, "Federation directory could not be loaded"),
  RECEIPT_MISMATCH("FG-2027", 400, "Receipt does not match the envelope sent"),
  SIGNATURES_MISSING("FG-2028", 400, "Document lacks a required signature"),
  KEYSTORE_INVALID("FG-2029", 500, "Keystore could not be loaded"),
  SIGNING_FAILED("FG-2030", 500, "Signing failed"),
  TOKEN_MALFORMED("FG-2031", 401, "Officer token malformed"),
  TOKEN_SIGNATURE_INVALID("FG-2032", 401, "Officer token signature invalid"),
  TOKEN_EXPIRED("FG-2033", 401, "Officer token expired"),
  TOKEN_CLAIMS_INVALID("FG-2034", 401, "Officer token claims invalid"),
  TLS_MATERIAL_INVALID("FG-2035", 500, "TLS key or trust material invalid");

  private final String code;
  private final int httpStatus;
  private final String title;

  TrustError(String code, int httpStatus, String title) {
    this.code = code;
    this.httpStatus = httpStatus;
    this.title = title;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public int httpStatus() {
    return httpStatus;
  }

  @Override
  public String title() {
    return title;
  }
}
