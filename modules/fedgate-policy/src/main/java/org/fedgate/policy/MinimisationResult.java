package org.fedgate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.fedgate.model.policy.MinimisationReport;

/**
 * The minimised canonical record and the report of what happened to every leaf of the input.
 *
 * @param record the record to sign and send (a fresh tree; the input is not changed)
 * @param report paths, actions and rule ids only; safe for the audit trail
 */
public record MinimisationResult(JsonNode record, MinimisationReport report) {

  public MinimisationResult {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(report, "report");
  }
}
