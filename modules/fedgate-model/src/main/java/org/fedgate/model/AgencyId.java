package org.fedgate.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

/**
 * An agency identifier: ISO 3166 alpha-2 country code, a hyphen and an agency code, for example
 * {@code TH-CCIB}.
 */
public record AgencyId(String value) {

  private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}-[A-Z0-9]{2,16}");

  public AgencyId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("agency id must look like CC-CODE (e.g. TH-CCIB)");
    }
  }

  @JsonCreator
  public static AgencyId of(String value) {
    return new AgencyId(value);
  }

  /** The ISO 3166 alpha-2 country code. */
  public String country() {
    return value.substring(0, 2);
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }
}
