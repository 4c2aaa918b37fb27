package org.fedgate.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds random but schema-valid canonical records from a seed: persons of every category with and
 * without age evidence, non-disclosure flags, PSNs, contacts, accounts, phones, documents and
 * relations pointing at them. Names are random letters, so they are fictional.
 */
final class RecordGenerator {

  private static final String[] CATEGORIES = {
    "SUSPECT", "CONVICTED", "VICTIM", "POTENTIAL_VICTIM", "WITNESS", "CONTACT"
  };
  private static final String[] SCHEMES = {
    "TH_PIN", "KH_NID", "ID_NIK", "PASSPORT", "PH_PSN", "PH_PCN"
  };

  /** A generated record and the names of the persons that must stay protected. */
  record Generated(ObjectNode record, List<String> protectedNames) {}

  private RecordGenerator() {}

  static Generated generate(long seed) {
    Random r = new Random(seed);
    ObjectNode rec = Fixtures.JSON.createObjectNode();
    rec.put("acrVersion", "1.0");
    rec.put("recordId", "GEN:" + Long.toHexString(seed));
    rec.putObject("provenance").put("sourceAgency", "TH-CCIB");
    ObjectNode c = rec.putObject("case");
    c.put("reference", "GEN-" + r.nextInt(100000));
    c.put("summary", "Generated case notes " + word(r));
    ArrayNode persons = rec.putArray("persons");
    List<String> ids = new ArrayList<>();
    List<String> protectedNames = new ArrayList<>();
    int n = 1 + r.nextInt(6);
    for (int i = 0; i < n; i++) {
      String id = "P" + i;
      ids.add(id);
      ObjectNode p = persons.addObject();
      p.put("id", id);
      String cat = CATEGORIES[r.nextInt(CATEGORIES.length)];
      p.put("category", cat);
      String given = word(r);
      String family = word(r);
      String full = given + " " + family;
      ObjectNode name = p.putArray("names").addObject();
      name.put("use", "OFFICIAL");
      name.put("script", "Latn");
      name.put("full", full);
      ArrayNode parts = name.putArray("parts");
      parts.addObject().put("type", "GIVEN").put("value", given);
      parts.addObject().put("type", "FAMILY").put("value", family);
      // age evidence: none, a stated status, a band or a birth date
      boolean minor;
      boolean ageKnown = true;
      switch (r.nextInt(5)) {
        case 0 -> {
          p.put("minorStatus", "MINOR");
          minor = true;
        }
        case 1 -> {
          p.put("minorStatus", "ADULT");
          minor = false;
        }
        case 2 -> {
          int year = 1960 + r.nextInt(60);
          p.putObject("dateOfBirth").put("value", year + "-03-15").put("precision", "DAY");
          minor = year > 2008;
        }
        case 3 -> {
          String band = r.nextBoolean() ? "9-17" : "30-38";
          p.put("ageBand", band);
          minor = band.equals("9-17");
        }
        default -> {
          minor = false;
          ageKnown = false;
        }
      }
      boolean victim = cat.equals("VICTIM") || cat.equals("POTENTIAL_VICTIM");
      boolean nonDisclosure = victim && r.nextInt(3) == 0;
      ObjectNode vc = victim ? p.putObject("victimContext") : null;
      if (vc != null) {
        vc.put("traffickingStatus", "PossibleVictimOfTrafficking");
        if (nonDisclosure) {
          vc.put("identityNonDisclosure", true);
        }
        vc.put("notes", "About " + given);
      }
      if (minor || nonDisclosure || (victim && !ageKnown)) {
        protectedNames.add(full);
        protectedNames.add(given);
        protectedNames.add(family);
      }
      ObjectNode ident = p.putArray("identifiers").addObject();
      ident.put("scheme", SCHEMES[r.nextInt(SCHEMES.length)]);
      ident.put("value", String.valueOf(1_000_000_000L + (r.nextLong() & 0xFFFFFFFFL)));
      ArrayNode contacts = p.putArray("contacts");
      contacts
          .addObject()
          .put("type", "MOBILE_PHONE")
          .put("value", "+66 8" + (10000000 + r.nextInt(89999999)));
      ObjectNode addr = p.putArray("addresses").addObject();
      addr.put("type", "HOME")
          .put("street", word(r) + " Road " + r.nextInt(300))
          .put("city", word(r));
      addr.putObject("adminArea").put("name", word(r)).put("level", 1 + r.nextInt(2));
      addr.put("country", "TH");
      p.put("notes", "Seen with " + full);
    }
    ArrayNode accounts = rec.putArray("financialAccounts");
    ArrayNode comms = rec.putArray("communicationIdentifiers");
    ArrayNode docs = rec.putArray("documents");
    ArrayNode rels = rec.putArray("relations");
    for (int i = 0; i < n; i++) {
      String holder = ids.get(r.nextInt(ids.size()));
      accounts
          .addObject()
          .put("id", "F" + i)
          .put("kind", "BANK_ACCOUNT")
          .put("identifier", "AC" + r.nextInt(1_000_000))
          .put("holder", holder);
      comms
          .addObject()
          .put("id", "C" + i)
          .put("kind", "PHONE_NUMBER")
          .put("value", "+855 1" + (1000000 + r.nextInt(8999999)))
          .put("user", holder);
      docs.addObject()
          .put("id", "D" + i)
          .put("kind", "PASSPORT")
          .put("number", "N" + r.nextInt(10_000_000))
          .put("holder", holder);
      String[] types = {"EXPLOITED", "FAMILY_OF", "RECRUITED", "ASSOCIATE_OF"};
      rels.addObject()
          .put("type", types[r.nextInt(types.length)])
          .put("from", ids.get(r.nextInt(ids.size())))
          .put("to", ids.get(r.nextInt(ids.size())));
    }
    return new Generated(rec, protectedNames);
  }

  private static String word(Random r) {
    int len = 4 + r.nextInt(6);
    StringBuilder b = new StringBuilder(len);
    b.append((char) ('A' + r.nextInt(26)));
    for (int i = 1; i < len; i++) {
      b.append((char) ('a' + r.nextInt(26)));
    }
    return b.toString();
  }
}
