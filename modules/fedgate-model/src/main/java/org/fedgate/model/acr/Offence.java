package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An offence: regional code and the national statute reference. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Offence(String code, String nationalCode) {}
