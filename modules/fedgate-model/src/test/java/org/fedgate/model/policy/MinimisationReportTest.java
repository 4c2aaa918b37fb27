package org.fedgate.model.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.fedgate.model.Purpose;
import org.junit.jupiter.api.Test;

class MinimisationReportTest {

  private static FieldDecision d(int i, FieldAction a) {
    return new FieldDecision("/x/" + i, "/x/*", a, "R" + i);
  }

  @Test
  void builder_manyDecisions_reportEqualsCopiedList() {
    MinimisationReport.Builder b = new MinimisationReport.Builder(1);
    List<FieldDecision> expected = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      b.add(d(i, FieldAction.RELEASE));
      expected.add(d(i, FieldAction.RELEASE));
    }
    b.set(3, d(3, FieldAction.WITHHOLD));
    expected.set(3, d(3, FieldAction.WITHHOLD));
    MinimisationReport r = b.build("A", "1.0", Purpose.INVESTIGATION);
    assertThat(r.fields()).isEqualTo(expected).hasSize(100);
    assertThat(r).isEqualTo(new MinimisationReport("A", "1.0", Purpose.INVESTIGATION, expected));
    assertThat(r.withheldPaths()).containsExactly("/x/3");
    assertThat(r.count(FieldAction.RELEASE)).isEqualTo(99);
  }

  @Test
  void builder_afterBuild_refusesUseAndReportIsImmutable() {
    MinimisationReport.Builder b = new MinimisationReport.Builder(4);
    b.add(d(0, FieldAction.RELEASE));
    MinimisationReport r = b.build("A", "1.0", Purpose.INVESTIGATION);
    assertThatThrownBy(() -> b.add(d(1, FieldAction.RELEASE)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.set(0, d(1, FieldAction.WITHHOLD)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> r.fields().set(0, d(1, FieldAction.WITHHOLD)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.fields().add(d(1, FieldAction.WITHHOLD)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> r.fields().remove(0))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> b.add(null)).isInstanceOf(NullPointerException.class);
    assertThat(r.fields()).containsExactly(d(0, FieldAction.RELEASE));
  }
}
