package org.fedgate.mapping.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.fedgate.model.error.FedgateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransformsTest {

  private final BuddhistEra be = new BuddhistEra();

  @ParameterizedTest
  @CsvSource({
    "2567-03-15, 2024-03-15",
    "2484-01-01, 1941-01-01",
    "2483-12-31, 1940-12-31",
    "2483-04-01, 1940-04-01",
    "2482-03-31, 1940-03-31",
    "2482-01-01, 1940-01-01",
    "2482-04-01, 1939-04-01",
    "2475-02, 1933-02",
    "2483, 1940",
    "2543-02-29, 2000-02-29"
  })
  void buddhistEra_toCanonical_appliesPre1941AprilNewYear(String beDate, String ce) {
    JsonNode c = be.toCanonical(TextNode.valueOf(beDate), () -> "/d");
    assertThat(c.get("value").asText()).isEqualTo(ce);
    assertThat(c.get("sourceCalendar").asText()).isEqualTo("THAI_BUDDHIST");
    assertThat(be.toNational(c, () -> "/d").asText()).isEqualTo(beDate);
  }

  @ParameterizedTest
  @CsvSource({"2483-01-10", "2483-03-31", "2567-02-30", "2566-02-29", "2567-13", "2567-00-01"})
  void buddhistEra_impossibleDate_fg1007(String beDate) {
    FedgateException e =
        catchThrowableOfType(
            FedgateException.class, () -> be.toCanonical(TextNode.valueOf(beDate), () -> "/d"));
    assertThat(e.code()).isEqualTo("FG-1007");
    assertThat(e.getMessage()).doesNotContain(beDate);
  }

  @ParameterizedTest
  @CsvSource({
    "3100600445635, true",
    "3100600445636, false",
    "0100700123457, true",
    "6020500334110, true",
    "1234567890123, false"
  })
  void thaiPin_checkDigit(String pin, boolean valid) {
    assertThat(ThaiPin.checkDigitValid(pin)).isEqualTo(valid);
  }

  @Test
  void thaiPin_leadingZero_isValidOtherCardHolder() {
    JsonNode id =
        new ThaiPin(Set.of("10")).toCanonical(TextNode.valueOf("0-1007-00123-45-7"), () -> "/p");
    assertThat(id.get("value").asText()).isEqualTo("0100700123457");
    assertThat(id.at("/derived/holderType").asText()).isEqualTo("OTHER_CARD_HOLDER");
    assertThat(id.at("/derived/region/code").asText()).isEqualTo("TH-10");
  }

  private final IndonesianNik nik =
      new IndonesianNik(
          Set.of("320101"), Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void nik_woman_dayMinus40AndFeminine() {
    JsonNode id = nik.toCanonical(TextNode.valueOf("3201017112050006"), () -> "/n");
    assertThat(id.at("/derived/birthDate/value").asText()).isEqualTo("2005-12-31");
    assertThat(id.at("/derived/gender").asText()).isEqualTo("Feminine");
    assertThat(id.get("validation").asText()).isEqualTo("VALID");
  }

  @Test
  void nik_twoDigitYearAfterThisYear_isLastCentury() {
    JsonNode id = nik.toCanonical(TextNode.valueOf("3201010101690008"), () -> "/n");
    assertThat(id.at("/derived/birthDate/value").asText()).isEqualTo("1969-01-01");
    assertThat(id.at("/derived/gender").asText()).isEqualTo("Masculine");
  }

  @Test
  void nik_unknownRegionPrefix_formatOnlyNotFailure() {
    JsonNode id = nik.toCanonical(TextNode.valueOf("9401010101990007"), () -> "/n");
    assertThat(id.get("validation").asText()).isEqualTo("FORMAT_ONLY");
    assertThat(id.at("/derived/region").isMissingNode()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({"3201010000900001", "3201014013900001", "3201017202900001", "3201013104900001"})
  void nik_impossibleDate_fg1007(String value) {
    FedgateException e =
        catchThrowableOfType(
            FedgateException.class, () -> nik.toCanonical(TextNode.valueOf(value), () -> "/n"));
    assertThat(e.code()).isEqualTo("FG-1007");
    assertThat(e.getMessage()).doesNotContain(value);
  }

  @ParameterizedTest
  @CsvSource({
    "14/05/1996, 1996-05-14, DAY",
    "00/06/2001, 2001-06, MONTH",
    "00/00/1990, 1990, YEAR"
  })
  void dayMonthYear_zeroMeansUnknown(String dmy, String iso, String precision) {
    PartialDates.DayMonthYear t = new PartialDates.DayMonthYear();
    JsonNode c = t.toCanonical(TextNode.valueOf(dmy), () -> "/d");
    assertThat(c.get("value").asText()).isEqualTo(iso);
    assertThat(c.get("precision").asText()).isEqualTo(precision);
    assertThat(t.toNational(c, () -> "/d").asText()).isEqualTo(dmy);
  }

  @Test
  void khmerNid_nineDigits_formatOnly() {
    JsonNode id = new KhmerNid().toCanonical(TextNode.valueOf("010000001"), () -> "/k");
    assertThat(id.get("validation").asText()).isEqualTo("FORMAT_ONLY");
    FedgateException e =
        catchThrowableOfType(
            FedgateException.class,
            () -> new KhmerNid().toCanonical(TextNode.valueOf("01000000"), () -> "/k"));
    assertThat(e.code()).isEqualTo("FG-1008");
  }

  @Test
  void mononym_singleToken_true() {
    Scalars.Mononym m = new Scalars.Mononym();
    assertThat(m.toCanonical(TextNode.valueOf("Suharjo"), () -> "/n").asBoolean()).isTrue();
    assertThat(m.toCanonical(TextNode.valueOf("Siti Aminah"), () -> "/n").asBoolean()).isFalse();
  }
}
