package dev.reelmesh.llm.plan;

import java.util.Random;

/** Story beats of a short ad and the wording each one uses. */
enum Beat {
  HOOK, PROBLEM, DETAIL, USE, PAYOFF, CALL_TO_ACTION;

  /** Beat of clip {@code i} of {@code n}: open on a hook, close on a call to action. */
  static Beat at(int i, int n) {
    if (i == 0) {
      return HOOK;
    }
    if (i == n - 1 && n >= 3) {
      return CALL_TO_ACTION;
    }
    double pos = (double) i / n;
    return pos < 0.3 ? PROBLEM : pos < 0.5 ? DETAIL : pos < 0.75 ? USE : PAYOFF;
  }

  String visual(String subject, String person, String setting, Random r) {
    return switch (this) {
      case HOOK -> pick(r, "Wide establishing view of the " + setting + " as " + person + " notices " + subject,
          "Striking first look at " + subject + " in the " + setting);
      case PROBLEM -> pick(r, person + " pauses in the " + setting + ", the everyday routine feeling slow",
          person + " reaches for an old habit in the " + setting + " and hesitates");
      case DETAIL -> pick(r, "Close detail of " + subject + " catching the light",
          "Macro view of " + subject + ", texture and edges crisp");
      case USE -> pick(r, person + " uses " + subject + " with an easy, practised motion",
          person + " puts " + subject + " to work in the " + setting);
      case PAYOFF -> pick(r, person + " smiles at the result in the " + setting,
          person + " enjoys the moment " + subject + " made possible");
      case CALL_TO_ACTION -> "Hero view of " + subject + " centred in the " + setting + ", room for a title";
    };
  }

  String motion(Random r) {
    return switch (this) {
      case HOOK -> pick(r, "light drifts across the scene", "dust motes float in the air");
      case PROBLEM -> pick(r, "a hand hovers, then pulls back", "the subject shifts their weight slowly");
      case DETAIL -> pick(r, "light glides along the surface", "a slow turn reveals the detail");
      case USE -> pick(r, "hands move with a confident rhythm", "steam curls upward as it works");
      case PAYOFF -> pick(r, "the subject leans back and relaxes", "a warm gesture toward camera");
      case CALL_TO_ACTION -> "everything settles into stillness";
    };
  }

  String narration(String subject, Random r) {
    return switch (this) {
      case HOOK -> pick(r, "Meet " + subject + ".", "Every good day starts here.");
      case PROBLEM -> pick(r, "Some routines deserve better.", "The old way takes too long.");
      case DETAIL -> pick(r, "Every detail is considered.", "Made with care.");
      case USE -> pick(r, "It simply works, every time.", "Easy in the hand, easy on the day.");
      case PAYOFF -> pick(r, "This is the moment you were waiting for.", "Better, without trying.");
      case CALL_TO_ACTION -> "Try " + subject + " today.";
    };
  }

  private static String pick(Random r, String a, String b) {
    return r.nextBoolean() ? a : b;
  }
}
