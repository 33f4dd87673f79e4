package dev.reelmesh.orchestrator.provider.image.animatic.scene;

import java.awt.Color;
import java.util.List;
import java.util.Map;

/** Colour words of briefs and character descriptions, and the colours drawn for them. */
public final class ColourWords {
  private static final Map<String, Color> COLOURS = Map.ofEntries(
      Map.entry("red", new Color(0xC8302C)), Map.entry("crimson", new Color(0xA51C30)),
      Map.entry("maroon", new Color(0x6E1E2A)), Map.entry("orange", new Color(0xE8772E)),
      Map.entry("yellow", new Color(0xF2C230)), Map.entry("mustard", new Color(0xC9A227)),
      Map.entry("gold", new Color(0xD4A437)), Map.entry("golden", new Color(0xD9A441)),
      Map.entry("green", new Color(0x3E8E4F)), Map.entry("olive", new Color(0x6B7A34)),
      Map.entry("teal", new Color(0x1F8A8A)), Map.entry("turquoise", new Color(0x35B7B0)),
      Map.entry("blue", new Color(0x2F6DB5)), Map.entry("navy", new Color(0x1F2F55)),
      Map.entry("denim", new Color(0x3D5A80)), Map.entry("purple", new Color(0x73408F)),
      Map.entry("lavender", new Color(0xA793C9)), Map.entry("pink", new Color(0xE07BA5)),
      Map.entry("coral", new Color(0xEE7B63)), Map.entry("white", new Color(0xF2F0EA)),
      Map.entry("cream", new Color(0xEFE3C8)), Map.entry("beige", new Color(0xD8C7A4)),
      Map.entry("grey", new Color(0x8A8D91)), Map.entry("gray", new Color(0x8A8D91)),
      Map.entry("silver", new Color(0xB8BCC2)), Map.entry("charcoal", new Color(0x3A3D42)),
      Map.entry("black", new Color(0x202124)), Map.entry("brown", new Color(0x7A4E2D)),
      Map.entry("tan", new Color(0xC19A6B)), Map.entry("auburn", new Color(0x8E3B1F)),
      Map.entry("blond", new Color(0xE3C26F)), Map.entry("blonde", new Color(0xE3C26F)),
      Map.entry("dark", new Color(0x2B2320)), Map.entry("chocolate", new Color(0x5A3522)));

  /** Words that colour hair rather than clothes when they come before "hair". */
  static final List<String> HAIR = List.of("dark", "auburn", "blond", "blonde", "silver", "grey",
      "gray", "black", "brown", "red", "white");

  private ColourWords() {}

  /** The colour a word names, or null. */
  public static Color of(String word) {
    return COLOURS.get(word);
  }

  public static boolean isColour(String word) {
    return COLOURS.containsKey(word);
  }

  /** "#RRGGBB" (or "RRGGBB") to a colour; null when unreadable. */
  public static Color hex(String hex) {
    try {
      return Color.decode(hex.startsWith("#") ? hex : "#" + hex);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
