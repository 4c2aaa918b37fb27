package org.fedgate.model.acr;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An administrative area (province, district) by national code and romanised name. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AdminArea(String code, String name, Integer level) {}
