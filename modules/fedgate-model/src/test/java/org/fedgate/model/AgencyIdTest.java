package org.fedgate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AgencyIdTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void of_wellFormedId_keepsCountry() {
    assertThat(AgencyId.of("ID-BARESKRIM").country()).isEqualTo("ID");
  }

  @Test
  void of_malformedId_isRefused() {
    assertThatThrownBy(() -> AgencyId.of("th-ccib")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AgencyId.of("THCCIB")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AgencyId.of(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void json_roundTrip_isPlainString() throws Exception {
    assertThat(json.writeValueAsString(AgencyId.of("KH-AHTJP"))).isEqualTo("\"KH-AHTJP\"");
    assertThat(json.readValue("\"TH-CCIB\"", AgencyId.class)).isEqualTo(AgencyId.of("TH-CCIB"));
  }

  @Test
  void informationAccuracy_grade_roundTrips() throws Exception {
    assertThat(json.writeValueAsString(InformationAccuracy.CORROBORATED)).isEqualTo("3");
    assertThat(json.readValue("2", InformationAccuracy.class))
        .isEqualTo(InformationAccuracy.KNOWN_TO_SOURCE);
    assertThatThrownBy(() -> InformationAccuracy.ofGrade(5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
