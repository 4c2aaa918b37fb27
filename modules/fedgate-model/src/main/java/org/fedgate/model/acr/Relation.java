package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A typed link between two entities of the record, by their local ids. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Relation(String type, String from, String to) {}
