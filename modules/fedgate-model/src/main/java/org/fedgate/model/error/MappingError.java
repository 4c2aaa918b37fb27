package org.fedgate.model.error;

/**
 * Failures of national input and translation ({@code FG-1xxx}). Titles are fixed text: details
 * carry only locations (JSON Pointer, XPath, canonical path) and reasons, never input values.
 */
public enum MappingError implements ErrorCode {
  /** The document is not well-formed JSON or XML. */
  MALFORMED_DOCUMENT("FG-1001", 400, "Malformed document"),
  /** The document does not satisfy the national (or canonical) schema. */
  SCHEMA_VIOLATION("FG-1002", 422, "Document does not match its schema"),
  /** The document is larger than the configured size limit. */
  DOCUMENT_TOO_LARGE("FG-1003", 413, "Document exceeds the size limit"),
  /** The document nests deeper than the allowed depth. */
  NESTING_TOO_DEEP("FG-1004", 400, "Document nesting exceeds the depth limit"),
  /** XML with a DOCTYPE, entity declaration or external reference (XXE, entity expansion). */
  FORBIDDEN_XML_CONSTRUCT("FG-1005", 400, "Forbidden XML construct (DOCTYPE or entity)"),
  /** An identifier whose check digit is wrong. */
  INVALID_CHECK_DIGIT("FG-1006", 422, "Identifier check digit is wrong"),
  /** A date that does not exist in its calendar (or a date encoded in an identifier). */
  IMPOSSIBLE_DATE("FG-1007", 422, "Date does not exist"),
  /** An identifier that does not have its scheme's format. */
  INVALID_IDENTIFIER("FG-1008", 422, "Identifier has an invalid format"),
  /** A coded value that the profile's code list does not know. */
  UNKNOWN_CODE("FG-1009", 422, "Code value not in the code list"),
  /** No national profile with the requested id. */
  UNKNOWN_PROFILE("FG-1010", 400, "Unknown national profile"),
  /** A canonical record given for translation does not match the ACR schema. */
  CANONICAL_INVALID("FG-1011", 422, "Canonical record does not match the ACR schema"),
  /** The national document produced from a canonical record fails the national schema. */
  OUTPUT_INVALID("FG-1012", 422, "Translated document does not match the national schema"),
  /** A bundled profile (mapping, code list, schema) is broken: a deployment fault. */
  PROFILE_DEFINITION_INVALID("FG-1013", 500, "National profile definition is invalid");

  private final String code;
  private final int httpStatus;
  private final String title;

  MappingError(String code, int httpStatus, String title) {
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
