package org.fedgate.policy;

/** The sections of a canonical record that an agreement lets flow at all. */
public enum RecordType {
  CASE("case"),
  EVENT("events"),
  PERSON("persons"),
  ORGANISATION("organisations"),
  FINANCIAL_ACCOUNT("financialAccounts"),
  COMMUNICATION_IDENTIFIER("communicationIdentifiers"),
  DOCUMENT("documents"),
  RELATION("relations");

  private final String section;

  RecordType(String section) {
    this.section = section;
  }

  /** The top-level ACR property of this section. */
  public String section() {
    return section;
  }

  // values() copies its array at every call; the walk asks once per top-level member
  private static final RecordType[] ALL = values();

  static RecordType ofSection(String section) {
    for (RecordType t : ALL) {
      if (t.section.equals(section)) {
        return t;
      }
    }
    return null;
  }
}
