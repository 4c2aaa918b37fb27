package org.fedgate.trust;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.fedgate.model.AgencyId;

/**
 * The unsigned content of the federation directory ({@code
 * schemas/canonical/directory-1.0.schema.json}): members, revoked certificate serials, a version
 * that only grows, issuedAt and nextUpdate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DirectoryDocument(
    String schema,
    long version,
    Instant issuedAt,
    Instant nextUpdate,
    List<Member> members,
    List<Revocation> revoked) {

  /** The schema identifier written into every directory. */
  public static final String SCHEMA = "fedgate-directory-1.0";

  public DirectoryDocument {
    if (!SCHEMA.equals(schema)) {
      throw new IllegalArgumentException("schema must be " + SCHEMA);
    }
    if (version < 1) {
      throw new IllegalArgumentException("version must be positive");
    }
    if (issuedAt == null || nextUpdate == null || !nextUpdate.isAfter(issuedAt)) {
      throw new IllegalArgumentException("issuedAt and a later nextUpdate are required");
    }
    members = List.copyOf(members == null ? List.of() : members);
    revoked = List.copyOf(revoked == null ? List.of() : revoked);
    Set<AgencyId> seen = new HashSet<>();
    for (Member m : members) {
      if (!seen.add(m.agency())) {
        throw new IllegalArgumentException("duplicate member " + m.agency());
      }
    }
  }

  /** One member agency: its gateway endpoint and its certificates (base64 DER). */
  public record Member(
      AgencyId agency,
      String country,
      String name,
      String gatewayUrl,
      List<String> signingCertificates,
      List<String> tlsCertificates) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public Member {
      if (agency == null || country == null || !COUNTRY.matcher(country).matches()) {
        throw new IllegalArgumentException("member agency and country are required");
      }
      if (!agency.country().equals(country)) {
        throw new IllegalArgumentException("member country must match its agency id");
      }
      if (name == null || name.isBlank() || name.length() > 200) {
        throw new IllegalArgumentException("member name must be 1-200 characters");
      }
      URI url;
      try {
        url = URI.create(gatewayUrl);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("member gatewayUrl must be a URI");
      }
      if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
        throw new IllegalArgumentException("member gatewayUrl must be http(s)");
      }
      signingCertificates =
          List.copyOf(signingCertificates == null ? List.of() : signingCertificates);
      tlsCertificates = List.copyOf(tlsCertificates == null ? List.of() : tlsCertificates);
      if (signingCertificates.isEmpty()) {
        throw new IllegalArgumentException("member needs a signing certificate");
      }
    }
  }

  /** A revoked certificate: its serial number in lower-case hex. */
  public record Revocation(String serial, Instant revokedAt) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{1,64}");

    public Revocation {
      if (serial == null || !HEX.matcher(serial).matches()) {
        throw new IllegalArgumentException("revocation serial must be lower-case hex");
      }
      if (revokedAt == null) {
        throw new IllegalArgumentException("revokedAt is required");
      }
    }
  }
}
