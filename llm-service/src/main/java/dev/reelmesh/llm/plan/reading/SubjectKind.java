package dev.reelmesh.llm.plan.reading;

/** What sort of thing a subject is (mirrors the proto's SubjectKind). */
public enum SubjectKind {
  UNSPECIFIED, OBJECT, FOOD, DRINK, ANIMAL, VEHICLE, PLACE, PERSON, APP, NATURE, EVENT
}
