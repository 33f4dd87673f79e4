package dev.reelmesh.llm.plan.reading;

import java.util.Map;

/**
 * Colour words → hex. Hexes match the clip-prompt palette names, so a "red" brief reads back as
 * "red" in the prompt's palette phrase. Some nouns carry a colour of their own (tomato, dusk).
 */
public final class Colours {
  static final Map<String, String> NAMED = Map.ofEntries(
      Map.entry("red", "#E63946"), Map.entry("scarlet", "#E63946"), Map.entry("crimson", "#9B111E"),
      Map.entry("maroon", "#6D1A36"), Map.entry("burgundy", "#6D1A36"), Map.entry("coral", "#FF6B6B"),
      Map.entry("orange", "#FB8500"), Map.entry("amber", "#FFBE0B"), Map.entry("gold", "#C9A227"),
      Map.entry("golden", "#C9A227"), Map.entry("yellow", "#FFE600"), Map.entry("olive", "#6B7F3A"),
      Map.entry("green", "#2DC653"), Map.entry("emerald", "#2DC653"), Map.entry("lime", "#2DC653"),
      Map.entry("sage", "#A8B5A2"), Map.entry("teal", "#008080"), Map.entry("turquoise", "#008080"),
      Map.entry("cyan", "#00FFFF"), Map.entry("blue", "#1F5FFF"), Map.entry("navy", "#1B2A41"),
      Map.entry("indigo", "#1B2A41"), Map.entry("purple", "#7B2CBF"), Map.entry("violet", "#7B2CBF"),
      Map.entry("lavender", "#C8B6FF"), Map.entry("lilac", "#C8B6FF"), Map.entry("magenta", "#FF00FF"),
      Map.entry("pink", "#FF8FAB"), Map.entry("rose", "#FF8FAB"), Map.entry("brown", "#8C5E3C"),
      Map.entry("tan", "#C8A27A"), Map.entry("beige", "#D9CAB3"), Map.entry("cream", "#F2E8CF"),
      Map.entry("ivory", "#F2E8CF"), Map.entry("white", "#FFFFFF"), Map.entry("black", "#000000"),
      Map.entry("charcoal", "#2E2E2E"), Map.entry("grey", "#5C6B73"), Map.entry("gray", "#5C6B73"),
      Map.entry("silver", "#C0C0C0"), Map.entry("copper", "#B87333"), Map.entry("rust", "#B7410E"),
      Map.entry("mint", "#98E2C6"), Map.entry("peach", "#FFCBA4"));
  /** Colours things, times and places bring with them (used after the named ones). */
  static final Map<String, String> IMPLIED = Map.ofEntries(
      Map.entry("tomato", "#E63946"), Map.entry("chocolate", "#8C5E3C"), Map.entry("latte", "#C8A27A"),
      Map.entry("coffee", "#8C5E3C"), Map.entry("espresso", "#8C5E3C"), Map.entry("lemon", "#FFE600"),
      Map.entry("lavender", "#C8B6FF"), Map.entry("grass", "#2DC653"), Map.entry("forest", "#1E4D2B"),
      Map.entry("trail", "#1E4D2B"), Map.entry("vineyard", "#6B7F3A"), Map.entry("sea", "#008080"),
      Map.entry("waves", "#008080"), Map.entry("ocean", "#1B2A41"), Map.entry("lake", "#87CEEB"),
      Map.entry("desert", "#C8A27A"), Map.entry("sand", "#D9CAB3"), Map.entry("snow", "#FFFFFF"),
      Map.entry("winter", "#87CEEB"), Map.entry("dawn", "#FF8FAB"), Map.entry("sunrise", "#FB8500"),
      Map.entry("golden hour", "#FFBE0B"), Map.entry("sunset", "#FB8500"), Map.entry("dusk", "#7B2CBF"),
      Map.entry("night", "#1B2A41"), Map.entry("rain", "#5C6B73"), Map.entry("lanterns", "#E63946"),
      Map.entry("lantern", "#E63946"), Map.entry("fairy lights", "#FFBE0B"), Map.entry("neon", "#FF00FF"),
      Map.entry("wooden", "#8C5E3C"), Map.entry("wood", "#8C5E3C"), Map.entry("ceramic", "#F2E8CF"),
      Map.entry("paper", "#F2E8CF"), Map.entry("harbour", "#1B2A41"), Map.entry("cast-iron", "#2E2E2E"),
      Map.entry("balloons", "#FF6B6B"), Map.entry("cake", "#8C5E3C"), Map.entry("water", "#87CEEB"),
      Map.entry("steam", "#FFFFFF"), Map.entry("lighthouse", "#F2E8CF"), Map.entry("park", "#2DC653"));

  private Colours() {}

  /** Hex of a colour word, or null when the word names no colour. */
  public static String hex(String word) {
    return NAMED.get(Grammar.lower(word));
  }

  public static String implied(String word) {
    return IMPLIED.get(Grammar.lower(word));
  }
}
