package dev.reelmesh.llm.plan.reading;

/** Gender a brief states or its noun implies ("granddaughter"); UNSPECIFIED when it does not. */
public enum Gender {
  UNSPECIFIED, FEMALE, MALE
}
