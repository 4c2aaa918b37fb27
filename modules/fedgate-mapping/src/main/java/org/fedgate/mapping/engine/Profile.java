package org.fedgate.mapping.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A national profile as loaded from {@code schemas/national/<cc>/profile.yaml}: identity and
 * versions, document format, the rules, and canonical defaults.
 *
 * @param id profile id (TH, KH, ID)
 * @param agency the agency id whose format this is (TH-CCIB)
 * @param profileVersion version of the national format
 * @param mappingVersion version of the mapping rules
 * @param format json or xml
 * @param xmlRoot root element name (xml only)
 * @param xmlRepeated element names that are always lists (xml only)
 * @param familyNameFirst whether composed full names put the family name first
 * @param defaults canonical values set when no rule wrote them (JSON Pointer to value)
 * @param rules the mapping rules, in document order (templates expanded)
 * @param ignoredNational national paths that are format metadata (e.g. a schema version attribute):
 *     read and accounted for, but carried nowhere
 */
public record Profile(
    String id,
    String agency,
    String profileVersion,
    String mappingVersion,
    Format format,
    String xmlRoot,
    Set<String> xmlRepeated,
    boolean familyNameFirst,
    Map<String, JsonNode> defaults,
    List<Rule> rules,
    List<MappingPath> ignoredNational) {

  /** Document formats. */
  public enum Format {
    JSON,
    XML
  }

  public Profile {
    xmlRepeated = Set.copyOf(xmlRepeated);
    defaults = Map.copyOf(defaults);
    rules = List.copyOf(rules);
    ignoredNational = List.copyOf(ignoredNational);
  }

  /** The profile label written into provenance, e.g. {@code TH-CCIB/1.0}. */
  public String profileLabel() {
    return agency + "/" + profileVersion;
  }
}
