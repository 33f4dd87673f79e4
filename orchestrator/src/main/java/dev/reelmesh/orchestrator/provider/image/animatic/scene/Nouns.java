package dev.reelmesh.orchestrator.provider.image.animatic.scene;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The things a brief names. Words between function words form a phrase ("red ceramic mug",
 * "tomato pasta", "bicycle repair shop"); the phrase's head is its last word that has a
 * pictogram and is neither a place nor a person, so "tomato pasta" is pasta and "paper boat" a
 * boat. The first head is the subject; later heads are props. A phrase with no drawable word
 * still yields its noun, so an unknown subject ("zorblat") is reported, not dropped.
 */
record Nouns(String subject, Color subjectColour, List<String> props) {
  static Nouns find(List<BriefTokens.Token> tokens) {
    Pictograms pictograms = Pictograms.shared();
    List<String> heads = new ArrayList<>();
    Color subjectColour = null;
    String unknown = "";
    List<BriefTokens.Token> phrase = new ArrayList<>();
    for (int i = 0; i <= tokens.size(); i++) {
      BriefTokens.Token t = i < tokens.size() ? tokens.get(i) : null;
      if (t != null && !ends(t)) {
        phrase.add(t);
        continue;
      }
      String head = "";
      Color colour = null;
      for (BriefTokens.Token w : phrase) {
        if (ColourWords.isColour(w.word())) {
          colour = ColourWords.of(w.word());
        } else if (Lexicon.ADJECTIVES.contains(w.word())) {
          continue;
        } else if (SettingKind.of(w.word()) == null && pictograms.find(w.word()) != null) {
          head = w.word();
        } else if (unknown.isEmpty() && SettingKind.of(w.word()) == null
            && !w.word().matches("\\d+")) {
          unknown = w.word();
        }
      }
      if (!head.isEmpty() && !heads.contains(head)) {
        if (heads.isEmpty()) {
          subjectColour = colour;
        }
        heads.add(head);
      }
      phrase.clear();
    }
    if (heads.isEmpty()) {
      return new Nouns(unknown, null, List.of());
    }
    return new Nouns(heads.get(0), subjectColour, heads.subList(1, heads.size()));
  }

  /** Function and format words, verbs ("chasing"), names and people end a phrase. */
  private static boolean ends(BriefTokens.Token t) {
    String w = t.word();
    boolean verb = w.length() > 4 && w.endsWith("ing") && Pictograms.shared().find(w) == null;
    return t.properName() || verb || (Lexicon.STOP.contains(w) && !ColourWords.isColour(w))
        || PersonWords.of(w) != null;
  }
}
