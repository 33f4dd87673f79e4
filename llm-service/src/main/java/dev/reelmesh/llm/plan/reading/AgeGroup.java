package dev.reelmesh.llm.plan.reading;

/** Rough age a brief implies for a character (mirrors the proto's AgeGroup). */
public enum AgeGroup {
  UNSPECIFIED, CHILD, TEEN, YOUNG_ADULT, ADULT, OLDER
}
