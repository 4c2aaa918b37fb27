package org.fedgate.mapping.transform;

import static org.fedgate.mapping.transform.Failures.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Supplier;
import org.fedgate.mapping.transform.PartialDates.PartialDate;
import org.fedgate.model.error.MappingError;

/**
 * Indonesian NIK, 16 digits {@code PPRRSS DDMMYY XXXX}: region (province, regency, district), birth
 * date (women: day + 40) with a two-digit year, serial. The century is the latest one that does not
 * put the birth date in the future (so a person over 100 decodes a century late: the NIK itself
 * cannot tell). An unknown region prefix is not a failure: the region code list predates the 2022
 * Papua split, so such a NIK is only checked for format.
 */
public final class IndonesianNik implements Transform {

  private final Set<String> regionPrefixes;
  private final Clock clock;

  public IndonesianNik(Set<String> regionPrefixes, Clock clock) {
    this.regionPrefixes = Set.copyOf(regionPrefixes);
    this.clock = clock;
  }

  @Override
  public JsonNode toCanonical(JsonNode national, Supplier<String> location) {
    String nik = national.asText().trim();
    if (nik.length() != 16 || !ThaiPin.allDigits(nik)) {
      throw at(MappingError.INVALID_IDENTIFIER, location, "NIK must have 16 digits");
    }
    int dd = Integer.parseInt(nik.substring(6, 8));
    int mm = Integer.parseInt(nik.substring(8, 10));
    int yy = Integer.parseInt(nik.substring(10, 12));
    boolean female = dd > 40;
    int day = female ? dd - 40 : dd;
    if (day < 1 || mm < 1) {
      throw at(MappingError.IMPOSSIBLE_DATE, location, "NIK birth date does not exist");
    }
    int thisYear = LocalDate.now(clock).getYear();
    int year = 2000 + yy <= thisYear ? 2000 + yy : 1900 + yy;
    PartialDate birth;
    try {
      birth = PartialDates.of(year, mm, day, location);
    } catch (RuntimeException e) {
      throw at(MappingError.IMPOSSIBLE_DATE, location, "NIK birth date does not exist");
    }
    ObjectNode id = JsonNodeFactory.instance.objectNode();
    id.put("issuingCountry", "ID");
    id.put("value", nik);
    String prefix = nik.substring(0, 6);
    boolean knownRegion = regionPrefixes.contains(prefix);
    id.put("validation", knownRegion ? "VALID" : "FORMAT_ONLY");
    ObjectNode derived = id.putObject("derived");
    derived.set("birthDate", PartialDates.canonical(birth, "GREGORIAN"));
    derived.put("gender", female ? "Feminine" : "Masculine");
    if (knownRegion) {
      ObjectNode region = derived.putObject("region");
      region.put("code", "ID-" + prefix);
      region.put("level", 3);
    }
    return id;
  }

  @Override
  public JsonNode toNational(JsonNode canonical, Supplier<String> location) {
    JsonNode v = canonical.get("value");
    return v == null ? null : JsonNodeFactory.instance.textNode(v.asText());
  }
}
