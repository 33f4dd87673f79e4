package dev.reelmesh.scoring.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The built-in scores in words: for every image what its technical and composition scores are
 * made of; for the best of several, which component put it ahead of the runner-up.
 */
final class Verdict {
  private Verdict() {}

  static List<String> explain(List<TechnicalQualityScorer.Judged> judged) {
    List<String> out = new ArrayList<>();
    for (TechnicalQualityScorer.Judged j : judged) {
      out.add(describe(j));
    }
    if (judged.size() < 2) {
      return out;
    }
    int best = 0, second = -1;
    for (int i = 1; i < judged.size(); i++) {
      if (judged.get(i).score() > judged.get(best).score()) {
        best = i;
      }
    }
    for (int i = 0; i < judged.size(); i++) {
      if (i != best && (second < 0 || judged.get(i).score() > judged.get(second).score())) {
        second = i;
      }
    }
    if (judged.get(best).score() - judged.get(second).score() < 1e-9) {
      return out; // a tie: nothing about the picture made one win
    }
    out.set(best, String.format(Locale.ROOT, "best of %d (%.1f vs %.1f for image %d), mainly "
        + "on %s; %s", judged.size(), judged.get(best).score(), judged.get(second).score(),
        second, lead(judged.get(best), judged.get(second)), out.get(best)));
    return out;
  }

  static String describe(TechnicalQualityScorer.Judged j) {
    TechnicalMetrics t = j.technical();
    CompositionMetrics c = j.composition();
    String subject = !c.hasSubject() ? "no subject stands out"
        : String.format(Locale.ROOT, "subject %.0f%% of the frame %s%s, ΔE %.0f against its "
            + "surround, clutter %.0f%%", 100 * c.share(), where(c),
            c.edgesCut() > 0 ? ", cut by " + c.edgesCut() + " frame edge(s)" : "", c.contrast(),
            100 * c.clutter());
    return String.format(Locale.ROOT, "composition %.0f (%s); technical %.0f (sharpness %.0f, "
        + "exposure %.0f, contrast %.0f, colour %.0f)", c.score(), subject, j.technicalScore(),
        t.sharpnessScore(), t.exposureScore(), t.contrastScore(), t.colourfulnessScore());
  }

  private static String where(CompositionMetrics c) {
    String across = c.centreX() < 0.42 ? "left" : c.centreX() > 0.58 ? "right" : "centre";
    return c.placementScore() >= 60 ? "placed " + (across.equals("centre") ? "centrally"
        : "on the " + across + " third") : "off the thirds and the centre (" + across + ")";
  }

  /** The weighted component where the winner gains most over the runner-up. */
  private static String lead(TechnicalQualityScorer.Judged a, TechnicalQualityScorer.Judged b) {
    double wc = TechnicalQualityScorer.W_COMPOSITION;
    CompositionMetrics x = a.composition(), y = b.composition();
    String[] names = {"subject size", "placement", "contrast on the subject",
        "less clutter", "not being cut by the frame", "technical quality"};
    double[] gains = {wc * 0.3 * (x.sizeScore() - y.sizeScore()),
        wc * 0.25 * (x.placementScore() - y.placementScore()),
        wc * 0.25 * (x.contrastScore() - y.contrastScore()),
        wc * 0.2 * (x.clutterScore() - y.clutterScore()),
        wc * 20 * (y.edgesCut() - x.edgesCut()),
        TechnicalQualityScorer.W_TECHNICAL * (a.technicalScore() - b.technicalScore())};
    int best = 0;
    for (int i = 1; i < gains.length; i++) {
      if (gains[i] > gains[best]) {
        best = i;
      }
    }
    return names[best] + String.format(Locale.ROOT, " (+%.1f)", gains[best]);
  }
}
