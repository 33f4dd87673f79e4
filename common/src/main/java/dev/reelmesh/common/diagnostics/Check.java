package dev.reelmesh.common.diagnostics;

/**
 * One line of {@code reelmesh doctor}: what was checked, how it stands, and what to do about it.
 * Details never carry secrets (a key is reported as set or not, never shown).
 */
public record Check(String area, String name, Outcome outcome, String detail) {
  public enum Outcome {
    /** Present and working. */
    OK,
    /** Absent but optional: a feature degrades (e.g. no speech engine, so captions only). */
    OPTIONAL,
    /** Broken or missing and needed: the named feature will not work until fixed. */
    FAIL
  }

  public static Check ok(String area, String name, String detail) {
    return new Check(area, name, Outcome.OK, detail);
  }

  public static Check optional(String area, String name, String detail) {
    return new Check(area, name, Outcome.OPTIONAL, detail);
  }

  public static Check fail(String area, String name, String detail) {
    return new Check(area, name, Outcome.FAIL, detail);
  }
}
