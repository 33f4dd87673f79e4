package dev.reelmesh.llm.plan.reading;

import static dev.reelmesh.llm.plan.reading.Token.Type.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * First pass over the tokens: marks format words (media nouns and what qualifies them, platforms,
 * orientation, opening imperatives) and style modifiers (mood, time, season, weather, camera,
 * light), and remembers which word starts the product a media noun is "for".
 */
final class FormatPass {
  final List<Token> tokens;
  final List<String> formatWords;
  final Set<Integer> productStarts = new HashSet<>();
  final List<String> purposes = new ArrayList<>();
  final Set<String> camera = new LinkedHashSet<>();
  String platform = "";
  String mood = "";
  String impliedMood = "";
  String time = "";
  String season = "";
  String weather = "";
  String lighting = "";

  private static final Set<String> LIGHT = Set.of("light", "lighting", "sunlight", "glow", "lights");
  private static final Set<String> WEATHER_NOUNS = Set.of("rain", "snow", "fog", "mist", "storm", "drizzle");
  private static final Set<String> PRODUCT_PREPS = Set.of("for", "of", "about", "featuring", "showing", "on");

  FormatPass(List<Token> tokens, List<String> formatWords) {
    this.tokens = new ArrayList<>(tokens);
    this.formatWords = formatWords;
    modifiers();
    format();
  }

  private void modifiers() {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      String w = t.lower();
      if (Modifiers.IMPLIED_MOODS.containsKey(w) && impliedMood.isEmpty()) {
        impliedMood = Modifiers.IMPLIED_MOODS.get(w);
      }
      if (Modifiers.WEATHER.containsKey(w) && weather.isEmpty()) {
        weather = Modifiers.WEATHER.get(w);
      }
      if (!t.is(WORD) && !t.is(VERB)) {
        continue;
      }
      if (Modifiers.MOODS.containsKey(w)) {
        mood = mood.isEmpty() ? Modifiers.MOODS.get(w) : mood;
        tokens.set(i, t.as(MODIFIER));
      } else if (Modifiers.TIMES.containsKey(w)) {
        time = time.isEmpty() ? Modifiers.TIMES.get(w) : time;
        tokens.set(i, t.as(MODIFIER));
      } else if (Modifiers.SEASONS.containsKey(w) && !isWordAt(i + 1) ) {
        season = Modifiers.SEASONS.get(w);
        tokens.set(i, t.as(MODIFIER));
      } else if (Modifiers.SEASONS.containsKey(w) && isModifierAt(i + 1)) {
        season = Modifiers.SEASONS.get(w); // "winter morning"
        tokens.set(i, t.as(MODIFIER));
      } else if (WEATHER_NOUNS.contains(w) && !isWordAt(i + 1)) {
        tokens.set(i, t.as(MODIFIER));
      } else if (Modifiers.CAMERA.containsKey(w)) {
        camera.add(Modifiers.CAMERA.get(w));
        tokens.set(i, t.as(MODIFIER));
      } else if (LIGHT.contains(w) && !isWordAt(i + 1)) {
        List<String> words = new ArrayList<>(List.of(w.equals("lights") ? "light" : w));
        tokens.set(i, t.as(MODIFIER));
        for (int j = i - 1; j >= 0 && j >= i - 3 && (tokens.get(j).is(WORD) || tokens.get(j).is(MODIFIER)); j--) {
          words.add(0, tokens.get(j).lower());
          tokens.set(j, tokens.get(j).as(MODIFIER));
        }
        lighting = String.join(" ", words);
      }
    }
    // A season before a time word is read after it ("cosy winter morning").
    for (int i = 0; i + 1 < tokens.size(); i++) {
      String w = tokens.get(i).lower();
      if (tokens.get(i).is(WORD) && Modifiers.SEASONS.containsKey(w) && tokens.get(i + 1).is(MODIFIER)) {
        season = Modifiers.SEASONS.get(w);
        tokens.set(i, tokens.get(i).as(MODIFIER));
      }
    }
  }

  private void format() {
    boolean segmentStart = true;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      String w = t.lower();
      if (t.is(BREAK)) {
        segmentStart = true;
        continue;
      }
      if (segmentStart && (t.is(WORD) || t.is(VERB)) && FormatWords.LEAD_VERBS.contains(w)) {
        setFormat(i);
        continue;
      }
      if (t.is(WORD) || t.is(VERB) || t.is(DET)) {
        segmentStart = segmentStart && t.is(DET);
      }
      if (!t.is(WORD) && !t.is(VERB)) {
        continue;
      }
      if (FormatWords.PLATFORMS.contains(w)) {
        platform = platform.isEmpty() ? w : platform;
        setFormat(i);
        if (i > 0 && tokens.get(i - 1).is(PREP)) {
          setFormat(i - 1);
        }
      } else if (FormatWords.ORIENTATION.contains(w) && mediaAhead(i)) {
        setFormat(i);
      } else if ((FormatWords.MEDIA.contains(w) || FormatWords.PURPOSES.containsKey(w)) && isHead(i)) {
        markMedia(i);
      }
    }
  }

  /** A media noun heads its phrase: "clip for", "ad for", "explainer:", "loop", "video with". */
  private boolean isHead(int i) {
    if (!FormatWords.MEDIA.contains(tokens.get(i).lower())) {
      return false;
    }
    int j = i + 1;
    while (j < tokens.size() && (tokens.get(j).is(FORMAT) || tokens.get(j).is(MODIFIER))) {
      j++;
    }
    return j >= tokens.size() || !tokens.get(j).is(WORD) || FormatWords.MEDIA.contains(tokens.get(j).lower());
  }

  private void markMedia(int i) {
    setFormat(i);
    purpose(tokens.get(i).lower());
    for (int j = i - 1; j >= 0; j--) {
      Token p = tokens.get(j);
      String w = p.lower();
      if (p.is(FORMAT) || p.is(MODIFIER)) {
        continue;
      }
      if ((p.is(WORD) || p.is(VERB)) && (FormatWords.QUALIFIERS.contains(w) || FormatWords.ORIENTATION.contains(w)
          || FormatWords.MEDIA.contains(w) || FormatWords.PURPOSES.containsKey(w))) {
        setFormat(j);
        purpose(w);
        continue;
      }
      break;
    }
    int k = i + 1;
    while (k < tokens.size() && (tokens.get(k).is(FORMAT) || tokens.get(k).is(MODIFIER))) {
      k++;
    }
    if (k < tokens.size() && tokens.get(k).is(PREP) && PRODUCT_PREPS.contains(tokens.get(k).lower())) {
      int n = k + 1;
      while (n < tokens.size() && tokens.get(n).is(DET)) {
        n++;
      }
      if (n < tokens.size() && tokens.get(n).is(WORD) && !FormatWords.PLATFORMS.contains(tokens.get(n).lower())) {
        setFormat(k);
        productStarts.add(n);
      }
    }
  }

  private void purpose(String w) {
    String p = FormatWords.purpose(w);
    if (!p.isEmpty()) {
      purposes.add(p);
    }
  }

  private boolean mediaAhead(int i) {
    for (int j = i + 1; j < tokens.size() && j <= i + 4; j++) {
      Token t = tokens.get(j);
      if (FormatWords.MEDIA.contains(t.lower())) {
        return true;
      }
      if (!t.is(FORMAT) && !t.is(MODIFIER) && !t.is(DET) && !FormatWords.QUALIFIERS.contains(t.lower())) {
        return false;
      }
    }
    return false;
  }

  private void setFormat(int i) {
    Token t = tokens.get(i);
    if (!t.is(FORMAT)) {
      formatWords.add(t.text());
      tokens.set(i, t.as(FORMAT));
    }
  }

  private boolean isWordAt(int i) {
    return i < tokens.size() && tokens.get(i).is(WORD);
  }

  private boolean isModifierAt(int i) {
    return i < tokens.size() && tokens.get(i).is(MODIFIER);
  }

  /** The specific purpose wins over the generic "ad" ("product launch" over "promo"). */
  String purpose() {
    return purposes.stream().filter(p -> !p.equals("ad")).findFirst()
        .orElse(purposes.isEmpty() ? "" : purposes.get(0));
  }
}
