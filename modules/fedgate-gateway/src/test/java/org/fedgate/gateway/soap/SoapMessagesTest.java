package org.fedgate.gateway.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.transform.stream.StreamSource;
import org.fedgate.model.error.FedgateException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SoapMessagesTest {

  @Test
  void build_thenRead_keepsTheNationalRecordOutOfTheWrapperNamespace() {
    var doc =
        SoapMessages.build(
            "DeliverNotification",
            SoapMessages.fields("messageId", "m-1"),
            "<Perkara><NIK>x</NIK></Perkara>".getBytes(StandardCharsets.UTF_8));
    Element root = doc.getDocumentElement();
    assertThat(SoapMessages.text(root, "messageId")).isEqualTo("m-1");
    String record = new String(SoapMessages.recordBytes(root), StandardCharsets.UTF_8);
    assertThat(record).contains("<Perkara>").doesNotContain(SoapMessages.NS);
  }

  @Test
  void toElement_withDoctype_isRefusedWithoutReadingEntities() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<r>&x;</r>";
    assertThatThrownBy(
            () ->
                SoapMessages.toElement(
                    new StreamSource(
                        new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)))))
        .isInstanceOfSatisfying(
            FedgateException.class, e -> assertThat(e.code()).isEqualTo("FG-5002"));
  }
}
