package dev.reelmesh.llm.plan;

/** Shot size, widest to tightest (mirrors the proto's Framing). */
public enum Framing {
  UNSPECIFIED, WIDE, MEDIUM, CLOSE_UP, MACRO, OVERHEAD
}
