package org.fedgate.model.audit;

/** The exchange agreement (id and version) under which an operation was allowed or refused. */
public record AgreementRef(String id, String version) {

  public AgreementRef {
    AuditFields.required(id, "agreement/id");
    AuditFields.required(version, "agreement/version");
    AuditFields.optional(id, AuditFields.IDENTIFIER, "agreement/id");
    AuditFields.optional(version, AuditFields.VERSION, "agreement/version");
  }
}
