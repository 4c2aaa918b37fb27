package org.fedgate.policy;

import java.time.Instant;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.fedgate.model.AgencyId;
import org.fedgate.model.DataSubjectCategory;
import org.fedgate.model.HandlingCode;
import org.fedgate.model.Purpose;
import org.fedgate.model.policy.AgreementSummary;

/**
 * A loaded, checked exchange agreement: what may flow from one agency to another, for which
 * purposes and with which per-field rules. Built only by {@link AgreementLoader}, which has checked
 * the schema, the rules' paths and (for {@link AgreementLoader#load}) both signatures and validity.
 */
public final class Agreement {

  private final String id;
  private final String version;
  private final String title;
  private final AgencyId from;
  private final AgencyId to;
  private final List<String> legalBasis;
  private final List<String> legalBasisRefs;
  private final boolean legalBasisRequired;
  private final Set<Purpose> purposes;
  private final List<HandlingCode> handlingCodes;
  private final Period retention;
  private final Instant validFrom;
  private final Instant validUntil;
  private final Set<RecordType> recordTypes;
  private final Set<DataSubjectCategory> dataSubjectCategories;
  private final String pseudonymKeyRef;
  private final List<Rule> rules;
  private final String digest;
  // compiled rule tables, one per purpose: agreements are immutable, so compile once
  private final CompiledPolicy[] compiled = new CompiledPolicy[Purpose.values().length];

  Agreement(
      String id,
      String version,
      String title,
      AgencyId from,
      AgencyId to,
      List<String> legalBasis,
      List<String> legalBasisRefs,
      boolean legalBasisRequired,
      Set<Purpose> purposes,
      List<HandlingCode> handlingCodes,
      Period retention,
      Instant validFrom,
      Instant validUntil,
      Set<RecordType> recordTypes,
      Set<DataSubjectCategory> dataSubjectCategories,
      String pseudonymKeyRef,
      List<Rule> rules,
      String digest) {
    this.id = Objects.requireNonNull(id);
    this.version = Objects.requireNonNull(version);
    this.title = Objects.requireNonNull(title);
    this.from = Objects.requireNonNull(from);
    this.to = Objects.requireNonNull(to);
    this.legalBasis = List.copyOf(legalBasis);
    this.legalBasisRefs = List.copyOf(legalBasisRefs);
    this.legalBasisRequired = legalBasisRequired;
    this.purposes = Set.copyOf(EnumSet.copyOf(purposes));
    this.handlingCodes = List.copyOf(handlingCodes);
    this.retention = Objects.requireNonNull(retention);
    this.validFrom = Objects.requireNonNull(validFrom);
    this.validUntil = Objects.requireNonNull(validUntil);
    this.recordTypes = Set.copyOf(recordTypes);
    this.dataSubjectCategories = Set.copyOf(dataSubjectCategories);
    this.pseudonymKeyRef = Objects.requireNonNull(pseudonymKeyRef);
    this.rules = List.copyOf(rules);
    this.digest = Objects.requireNonNull(digest);
    for (Purpose p : this.purposes) {
      compiled[p.ordinal()] = CompiledPolicy.compile(this, p);
    }
  }

  public String id() {
    return id;
  }

  public String version() {
    return version;
  }

  public String title() {
    return title;
  }

  /** The disclosing agency. */
  public AgencyId from() {
    return from;
  }

  /** The receiving agency. */
  public AgencyId to() {
    return to;
  }

  /** The legal instruments the agreement rests on. */
  public List<String> legalBasis() {
    return legalBasis;
  }

  /** Whether each disclosure must state its own legal basis (always true for personal data). */
  /** Reference tokens for the instruments of {@link #legalBasis()}; empty: not restricted. */
  public List<String> legalBasisRefs() {
    return legalBasisRefs;
  }

  /**
   * Whether a stated legal-basis reference rests on this agreement: it is one of {@link
   * #legalBasisRefs()}, or a part of one (the token followed by ':', '/', '(' or '#', as in
   * TH-ATPA-2008:s27). Any stated basis is covered when the agreement lists no references.
   */
  public boolean legalBasisCovers(String stated) {
    if (legalBasisRefs.isEmpty()) {
      return true;
    }
    if (stated == null) {
      return false;
    }
    for (String ref : legalBasisRefs) {
      if (stated.equals(ref)) {
        return true;
      }
      if (stated.length() > ref.length()
          && stated.startsWith(ref)
          && ":/(#".indexOf(stated.charAt(ref.length())) >= 0) {
        return true;
      }
    }
    return false;
  }

  public boolean legalBasisRequired() {
    return legalBasisRequired;
  }

  public Set<Purpose> purposes() {
    return purposes;
  }

  public List<HandlingCode> handlingCodes() {
    return handlingCodes;
  }

  public Period retention() {
    return retention;
  }

  public Instant validFrom() {
    return validFrom;
  }

  public Instant validUntil() {
    return validUntil;
  }

  public Set<RecordType> recordTypes() {
    return recordTypes;
  }

  public Set<DataSubjectCategory> dataSubjectCategories() {
    return dataSubjectCategories;
  }

  /** Names the pseudonymisation key in gateway configuration (never the key itself). */
  public String pseudonymKeyRef() {
    return pseudonymKeyRef;
  }

  public List<Rule> rules() {
    return rules;
  }

  /** Hex SHA-256 of the agreement document as loaded, for audit entries and reload checks. */
  public String digest() {
    return digest;
  }

  /** True when {@code now} is within [validFrom, validUntil). */
  public boolean isValidAt(Instant now) {
    return !now.isBefore(validFrom) && now.isBefore(validUntil);
  }

  public AgreementSummary summary() {
    return new AgreementSummary(
        id, version, from, to, purposes, handlingCodes, retention, validFrom, validUntil);
  }

  CompiledPolicy compiled(Purpose purpose) {
    return compiled[purpose.ordinal()];
  }

  @Override
  public String toString() {
    return "Agreement[" + id + " v" + version + " " + from + "->" + to + "]";
  }
}
