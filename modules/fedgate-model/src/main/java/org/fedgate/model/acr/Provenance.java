package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.fedgate.model.InformationAccuracy;
import org.fedgate.model.SourceReliability;

/**
 * Where a record comes from: agency, grading (A/B/C/X, 1-4), national profile and mapping versions.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Provenance(
    String sourceAgency,
    String sourceRecordRef,
    SourceReliability sourceReliability,
    InformationAccuracy informationAccuracy,
    String nationalProfile,
    String mappingVersion,
    String recordedAt) {}
