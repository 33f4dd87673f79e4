package dev.reelmesh.llm.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The order of beats for a plan of n clips: open wide, close on the purpose's ending, and in
 * between cycle through the beats this brief has material for, in an order that suits its purpose
 * (an ad shows detail and use early; a loop dwells on the setting).
 */
final class BeatSheet {
  private static final List<Beat> DEFAULT = List.of(Beat.ACTION, Beat.PEOPLE, Beat.DETAIL,
      Beat.SETTING, Beat.PROP, Beat.SUBJECT, Beat.PAYOFF, Beat.USE);
  private static final Map<String, List<Beat>> BY_PURPOSE = Map.of(
      "ad", List.of(Beat.DETAIL, Beat.USE, Beat.SUBJECT, Beat.SETTING, Beat.PAYOFF, Beat.PROP, Beat.ACTION, Beat.PEOPLE),
      "launch", List.of(Beat.DETAIL, Beat.ACTION, Beat.USE, Beat.SUBJECT, Beat.SETTING, Beat.PEOPLE, Beat.PROP, Beat.PAYOFF),
      "explainer", List.of(Beat.SUBJECT, Beat.ACTION, Beat.PEOPLE, Beat.USE, Beat.DETAIL, Beat.SETTING, Beat.PAYOFF, Beat.PROP),
      "loop", List.of(Beat.SETTING, Beat.ACTION, Beat.DETAIL, Beat.SUBJECT, Beat.PROP));

  private BeatSheet() {}

  static List<Beat> beats(int n, String purpose, Story story) {
    List<Beat> middle = new ArrayList<>();
    for (Beat b : BY_PURPOSE.getOrDefault(purpose, DEFAULT)) {
      if (Shots.applies(b, story)) {
        middle.add(b);
      }
    }
    if (middle.isEmpty()) {
      middle.add(Beat.SUBJECT);
    }
    List<Beat> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(i == 0 ? Beat.OPENING : i == n - 1 && n >= 2 ? Beat.CLOSING : middle.get((i - 1) % middle.size()));
    }
    return out;
  }
}
