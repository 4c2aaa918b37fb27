package org.fedgate.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Information accuracy grading: 1 known true without reservation, 2 known personally to the source,
 * 3 not known personally but corroborated, 4 cannot be judged.
 */
public enum InformationAccuracy {
  KNOWN_TRUE(1),
  KNOWN_TO_SOURCE(2),
  CORROBORATED(3),
  CANNOT_JUDGE(4);

  private final int grade;

  InformationAccuracy(int grade) {
    this.grade = grade;
  }

  @JsonValue
  public int grade() {
    return grade;
  }

  @JsonCreator
  public static InformationAccuracy ofGrade(int grade) {
    for (InformationAccuracy a : values()) {
      if (a.grade == grade) {
        return a;
      }
    }
    throw new IllegalArgumentException("information accuracy must be 1-4");
  }
}
