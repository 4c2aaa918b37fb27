package org.fedgate.mapping.transform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The named transforms that mappings may use. Reference tables (Thai PIN province codes, NIK region
 * prefixes) are read once from the class path.
 */
public final class BuiltInTransforms {

  static final String TH_PROVINCES = "schemas/national/th/codelists/pin-province-codes.csv";
  static final String NIK_REGIONS = "schemas/national/id/codelists/nik-region-codes.csv";

  private final Map<String, Transform> byName;

  public BuiltInTransforms(Clock clock) {
    byName =
        Map.ofEntries(
            Map.entry("thaiBuddhistDate", new BuddhistEra()),
            Map.entry("isoDate", new PartialDates.IsoDate()),
            Map.entry("fullIsoDate", new PartialDates.FullIsoDate()),
            Map.entry("dayMonthYear", new PartialDates.DayMonthYear()),
            Map.entry("thaiPin", new ThaiPin(firstColumn(TH_PROVINCES))),
            Map.entry("indonesianNik", new IndonesianNik(firstColumn(NIK_REGIONS), clock)),
            Map.entry("khmerNid", new KhmerNid()),
            Map.entry("boolean", new Scalars.Bool()),
            Map.entry("integer", new Scalars.Int()),
            Map.entry("mononym", new Scalars.Mononym()));
  }

  /**
   * The transform with this name, or {@code null}. {@code countryPrefixed(CC)} takes the country as
   * its argument.
   */
  public Transform get(String name) {
    if (name.startsWith("countryPrefixed(") && name.endsWith(")")) {
      try {
        return new CountryPrefixed(name.substring(16, name.length() - 1));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return byName.get(name);
  }

  public Set<String> names() {
    return byName.keySet();
  }

  /** The first column of a CSV resource with a header line. */
  static Set<String> firstColumn(String resource) {
    Set<String> out = new HashSet<>();
    try (InputStream in = BuiltInTransforms.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      r.readLine();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int comma = line.indexOf(',');
        String first = (comma < 0 ? line : line.substring(0, comma)).trim();
        if (!first.isEmpty()) {
          out.add(first);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
