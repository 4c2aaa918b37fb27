package org.fedgate.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.fedgate.mapping.io.XmlDocuments;

/**
 * Round trip national -> canonical -> national keeps every mapped field, on generated records.
 * Generators draw from the profiles' own code lists and valid identifier and date ranges (including
 * pre-1941 Thai dates, leading-zero and migrant PINs, women's NIK days, partial dates).
 */
class RoundTripPropertyTest {

  private static final Translator T = TestSupport.TRANSLATOR;
  private static final XmlDocuments ID_READER =
      new XmlDocuments(
          org.fedgate.mapping.engine.ProfileLoader.readText(
              "schemas/national/id/id-bareskrim-perkara-1.0.xsd"),
          "Perkara",
          T.profile("ID").xmlRepeated(),
          org.fedgate.mapping.io.Limits.defaults());

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  @Property(tries = 100)
  void th_roundTrip_keepsEveryMappedField(@ForAll("seeds") long seed) {
    ObjectNode national = Gen.thRecord(new Random(seed));
    TranslationResult r = T.toCanonical("TH", bytes(national));
    assertThat(r.unmapped()).isEmpty();
    JsonNode back = json(T.fromCanonical("TH", r.canonical()).content());
    assertThat(back).isEqualTo(national);
  }

  @Property(tries = 100)
  void kh_roundTrip_keepsEveryMappedField(@ForAll("seeds") long seed) {
    ObjectNode national = Gen.khRecord(new Random(seed));
    TranslationResult r = T.toCanonical("KH", bytes(national));
    assertThat(r.unmapped()).isEmpty();
    JsonNode back = json(T.fromCanonical("KH", r.canonical()).content());
    assertThat(back).isEqualTo(national);
  }

  @Property(tries = 100)
  void id_roundTrip_keepsEveryMappedField(@ForAll("seeds") long seed) {
    String xml = Gen.idRecord(new Random(seed));
    TranslationResult r = T.toCanonical("ID", xml.getBytes(StandardCharsets.UTF_8));
    assertThat(r.unmapped()).isEmpty();
    NationalDocument d = T.fromCanonical("ID", r.canonical());
    assertThat((JsonNode) ID_READER.parse(d.content()))
        .isEqualTo(ID_READER.parse(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] bytes(JsonNode n) {
    return T.writeJson(n);
  }

  private static JsonNode json(byte[] b) {
    try {
      return TestSupport.JSON.readTree(b);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Record generators. */
  static final class Gen {
    private Gen() {}

    static String pick(Random r, List<String> values) {
      return values.get(r.nextInt(values.size()));
    }

    static List<String> codes(String profile, String list) {
      return List.copyOf(codeLists(profile).get(list));
    }

    private static final java.util.Map<String, java.util.Map<String, List<String>>> CACHE =
        new java.util.concurrent.ConcurrentHashMap<>();

    static java.util.Map<String, List<String>> codeLists(String profile) {
      return CACHE.computeIfAbsent(profile, Gen::readCodeLists);
    }

    static java.util.Map<String, List<String>> readCodeLists(String profile) {
      try {
        JsonNode y =
            new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(
                    org.fedgate.mapping.engine.ProfileLoader.readText(
                        "schemas/national/"
                            + profile.toLowerCase(java.util.Locale.ROOT)
                            + "/codelists/codelists.yaml"));
        java.util.Map<String, List<String>> out = new java.util.HashMap<>();
        y.fields()
            .forEachRemaining(
                e -> {
                  List<String> keys = new ArrayList<>();
                  e.getValue().fieldNames().forEachRemaining(keys::add);
                  out.put(e.getKey(), keys);
                });
        return out;
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    static String text(Random r, int from, int to, int maxLen) {
      int n = 1 + r.nextInt(maxLen);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        sb.appendCodePoint(from + r.nextInt(to - from));
      }
      return sb.toString();
    }

    static String thai(Random r) {
      return text(r, 0x0E01, 0x0E2E, 12);
    }

    static String khmer(Random r) {
      return text(r, 0x1780, 0x17A2, 8);
    }

    static String latin(Random r) {
      return Character.toUpperCase((char) ('a' + r.nextInt(26))) + text(r, 'a', 'z' + 1, 10);
    }

    static String digits(Random r, int n) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) {
        sb.append((char) ('0' + r.nextInt(10)));
      }
      return sb.toString();
    }

    static String thaiPin(Random r) {
      String first = pick(r, List.of("0", "1", "2", "3", "4", "5", "6", "7", "8"));
      String p12 = first + digits(r, 11);
      int sum = 0;
      for (int i = 0; i < 12; i++) {
        sum += (p12.charAt(i) - '0') * (13 - i);
      }
      return p12 + (11 - sum % 11) % 10;
    }

    static LocalDate date(Random r, int fromYear, int toYear) {
      long from = LocalDate.of(fromYear, 1, 1).toEpochDay();
      long to = LocalDate.of(toYear, 12, 31).toEpochDay();
      return LocalDate.ofEpochDay(from + (long) (r.nextDouble() * (to - from)));
    }

    /** A BE date of any precision, including January-March before 1941. */
    static String beDate(Random r) {
      LocalDate d = date(r, 1900, 2030);
      int m = d.getMonthValue();
      int be = d.getYear() + (m <= 3 && d.getYear() < 1941 ? 542 : 543);
      return switch (r.nextInt(4)) {
        case 0 -> Integer.toString(d.getYear() + 543);
        case 1 -> be + "-" + two(m);
        default -> be + "-" + two(m) + "-" + two(d.getDayOfMonth());
      };
    }

    static String dmy(Random r) {
      LocalDate d = date(r, 1930, 2030);
      return switch (r.nextInt(4)) {
        case 0 -> "00/00/" + d.getYear();
        case 1 -> "00/" + two(d.getMonthValue()) + "/" + d.getYear();
        default -> two(d.getDayOfMonth()) + "/" + two(d.getMonthValue()) + "/" + d.getYear();
      };
    }

    static String two(int n) {
      return n < 10 ? "0" + n : Integer.toString(n);
    }

    static ArrayNode distinct(Random r, List<String> values) {
      ArrayNode a = TestSupport.JSON.createArrayNode();
      List<String> copy = new ArrayList<>(values);
      java.util.Collections.shuffle(copy, r);
      copy.stream().limit(1 + r.nextInt(Math.min(3, copy.size()))).forEach(a::add);
      return a;
    }

    static final List<String> COUNTRIES = List.of("TH", "KH", "ID", "MM", "LA", "VN", "CN", "MY");
    static final List<String> PLATFORMS =
        List.of("Facebook", "Telegram", "Line", "TikTok", "WeChat");

    static ObjectNode thRecord(Random r) {
      var cl = codeLists("TH");
      ObjectNode n = TestSupport.JSON.createObjectNode();
      n.put("recordId", "TH-CCIB-" + digits(r, 6));
      n.put("caseNo", "CCIB " + digits(r, 3) + "/2567");
      if (r.nextBoolean()) {
        n.put("caseStatus", pick(r, cl.get("caseStatus")));
      }
      if (r.nextBoolean()) {
        n.put("openedDate", beDate(r));
      }
      n.put("reportingUnit", "TH-CCIB");
      if (r.nextBoolean()) {
        n.put("sourceReliability", pick(r, List.of("A", "B", "C", "X")));
        n.put("informationAccuracy", 1 + r.nextInt(4));
      }
      if (r.nextBoolean()) {
        ArrayNode charges = n.putArray("charges");
        for (int i = 0; i <= r.nextInt(3); i++) {
          ObjectNode c = charges.addObject().put("charge", pick(r, cl.get("offence")));
          if (r.nextBoolean()) {
            c.put("section", "ม." + r.nextInt(400));
          }
        }
      }
      if (r.nextBoolean()) {
        n.set("exploitation", distinct(r, cl.get("exploitation")));
      }
      if (r.nextBoolean()) {
        n.put("summary", thai(r));
      }
      ArrayNode persons = n.putArray("persons");
      int count = r.nextInt(5);
      for (int i = 0; i < count; i++) {
        ObjectNode p = persons.addObject();
        p.put("personId", "P" + i);
        p.put("role", pick(r, cl.get("personRole")));
        if (r.nextBoolean()) {
          p.put("firstNameTh", thai(r));
          if (r.nextBoolean()) {
            p.put("lastNameTh", thai(r));
          }
        }
        if (r.nextBoolean()) {
          p.put("firstNameEn", latin(r));
          p.put("lastNameEn", latin(r));
        }
        if (r.nextBoolean()) {
          p.put("birthDate", beDate(r));
        }
        if (r.nextBoolean()) {
          p.put("gender", pick(r, cl.get("gender")));
        }
        if (r.nextBoolean()) {
          p.put("minorStatus", pick(r, cl.get("minorStatus")));
        }
        if (r.nextBoolean()) {
          p.put("pin", thaiPin(r));
        }
        if (r.nextBoolean()) {
          p.putArray("nationality").add(pick(r, COUNTRIES));
        }
        if (r.nextInt(3) == 0) {
          p.putObject("passport")
              .put("number", "P" + digits(r, 7))
              .put("country", pick(r, COUNTRIES));
        }
        if (r.nextBoolean()) {
          ObjectNode v = p.putObject("victim");
          v.put("status", pick(r, cl.get("victimStatus")));
          if (r.nextBoolean()) {
            v.set("controlMethods", distinct(r, cl.get("controlMethod")));
          }
          if (r.nextBoolean()) {
            v.set("recruitedVia", distinct(r, PLATFORMS));
          }
          if (r.nextBoolean()) {
            v.put("identityProtected", r.nextBoolean());
          }
        }
        if (r.nextBoolean()) {
          p.putObject("suspect").set("networkRoles", distinct(r, cl.get("networkRole")));
        }
      }
      if (persons.isEmpty()) {
        n.remove("persons");
      }
      return n;
    }

    static ObjectNode khRecord(Random r) {
      var cl = codeLists("KH");
      ObjectNode n = TestSupport.JSON.createObjectNode();
      n.put("recordNo", "KH-AHTJP-" + digits(r, 6));
      n.put("caseRef", "AHTJP/" + digits(r, 3) + "/2024");
      n.put("unit", "KH-AHTJP");
      if (r.nextBoolean()) {
        n.put("status", pick(r, cl.get("caseStatus")));
      }
      if (r.nextBoolean()) {
        n.put("dateOpened", dmy(r));
      }
      if (r.nextBoolean()) {
        ObjectNode i = n.putArray("incidents").addObject();
        i.put("incidentId", "I1").put("kind", pick(r, cl.get("incidentKind")));
        if (r.nextBoolean()) {
          i.put("province", pick(r, cl.get("province")));
        }
        if (r.nextBoolean()) {
          i.put("date", dmy(r));
        }
      }
      ArrayNode people = n.putArray("people");
      int count = r.nextInt(5);
      for (int i = 0; i < count; i++) {
        ObjectNode p = people.addObject();
        p.put("ref", "P" + i).put("type", pick(r, cl.get("personType")));
        if (r.nextBoolean()) {
          ObjectNode k = p.putObject("nameKhmer");
          if (r.nextBoolean()) {
            k.put("family", khmer(r));
          }
          k.put("given", khmer(r));
        }
        if (r.nextBoolean()) {
          p.putObject("nameLatin").put("family", latin(r).toUpperCase()).put("given", latin(r));
        }
        if (r.nextBoolean()) {
          p.put("sex", pick(r, cl.get("sex")));
        }
        if (r.nextBoolean()) {
          p.put("dob", dmy(r));
        }
        if (r.nextBoolean()) {
          p.put("nationalId", digits(r, 9));
        }
        if (r.nextBoolean()) {
          p.put("homeProvince", pick(r, cl.get("province")));
        }
        if (r.nextBoolean()) {
          ObjectNode v = p.putObject("victimInfo").put("status", pick(r, cl.get("victimStatus")));
          if (r.nextBoolean()) {
            v.set("control", distinct(r, cl.get("control")));
          }
        }
      }
      if (people.isEmpty()) {
        n.remove("people");
      }
      if (r.nextBoolean()) {
        n.putArray("accounts")
            .addObject()
            .put("ref", "A1")
            .put("kind", pick(r, cl.get("accountKind")))
            .put("number", digits(r, 10));
      }
      return n;
    }

    static String nik(Random r, LocalDate birth, boolean female) {
      String prefix = pick(r, List.of("320101", "317101", "510101", "940101"));
      int day = birth.getDayOfMonth() + (female ? 40 : 0);
      return prefix
          + two(day)
          + two(birth.getMonthValue())
          + two(birth.getYear() % 100)
          + digits(r, 4);
    }

    static String idRecord(Random r) {
      var cl = codeLists("ID");
      StringBuilder x = new StringBuilder("<Perkara>");
      x.append("<IdRekaman>ID-BARESKRIM-").append(digits(r, 6)).append("</IdRekaman>");
      x.append("<NomorPerkara>LP/B/").append(digits(r, 3)).append("</NomorPerkara>");
      if (r.nextBoolean()) {
        x.append("<StatusPerkara>")
            .append(pick(r, cl.get("statusPerkara")))
            .append("</StatusPerkara>");
      }
      if (r.nextBoolean()) {
        x.append("<TanggalLaporan>").append(date(r, 2015, 2026)).append("</TanggalLaporan>");
      }
      x.append("<KesatuanPelapor>ID-BARESKRIM</KesatuanPelapor>");
      if (r.nextBoolean()) {
        x.append("<Sangkaan><Jenis>")
            .append(pick(r, cl.get("jenisSangkaan")))
            .append("</Jenis></Sangkaan>");
      }
      for (String element : List.of("Tersangka", "Korban", "DugaanKorban", "Saksi")) {
        for (int i = 0; i < r.nextInt(3); i++) {
          x.append('<')
              .append(element)
              .append(" id=\"")
              .append(element.charAt(0))
              .append(i)
              .append("\">");
          boolean female = r.nextBoolean();
          LocalDate birth = date(r, 1927, 2025);
          if (r.nextBoolean()) {
            x.append("<NIK>").append(nik(r, birth, female)).append("</NIK>");
          }
          if (r.nextBoolean()) {
            x.append("<NamaLengkap>").append(latin(r));
            if (r.nextBoolean()) {
              x.append(' ').append(latin(r));
            }
            x.append("</NamaLengkap>");
          }
          if (r.nextBoolean()) {
            x.append("<TanggalLahir>").append(birth).append("</TanggalLahir>");
          }
          x.append("<JenisKelamin>").append(female ? "P" : "L").append("</JenisKelamin>");
          if (r.nextBoolean()) {
            x.append("<StatusUsia>").append(pick(r, cl.get("statusUsia"))).append("</StatusUsia>");
          }
          if (r.nextBoolean()) {
            x.append("<Kewarganegaraan>").append(pick(r, COUNTRIES)).append("</Kewarganegaraan>");
          }
          if (r.nextBoolean()) {
            x.append("<StatusKorban>")
                .append(pick(r, cl.get("statusKorban")))
                .append("</StatusKorban>");
            for (JsonNode c : distinct(r, cl.get("caraPengendalian"))) {
              x.append("<CaraPengendalian>").append(c.asText()).append("</CaraPengendalian>");
            }
            if (r.nextBoolean()) {
              x.append("<UsiaSaatDieksploitasi>")
                  .append(r.nextInt(60))
                  .append("</UsiaSaatDieksploitasi>");
            }
            if (r.nextBoolean()) {
              x.append("<IdentitasDirahasiakan>")
                  .append(r.nextBoolean())
                  .append("</IdentitasDirahasiakan>");
            }
          }
          if (r.nextBoolean()) {
            for (JsonNode c : distinct(r, cl.get("peran"))) {
              x.append("<Peran>").append(c.asText()).append("</Peran>");
            }
          }
          x.append("</").append(element).append('>');
        }
      }
      if (r.nextBoolean()) {
        x.append("<Telepon id=\"C1\"><Nomor>+62 8").append(digits(r, 9)).append("</Nomor>");
        x.append("<DipakaiPenipuan>")
            .append(r.nextBoolean())
            .append("</DipakaiPenipuan></Telepon>");
      }
      return x.append("</Perkara>").toString();
    }
  }
}
