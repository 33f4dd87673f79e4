package dev.reelmesh.orchestrator.provider.image.animatic.scene;

/**
 * What stands for a noun in the frame: a Symbola glyph found through its CLDR annotation, or a
 * placeholder when nothing matches (then {@code codePoint} is 0 and the frame says so in its
 * scene record).
 *
 * @param noun the word of the brief it stands for
 * @param name the CLDR short name of the glyph ("sailboat"); "placeholder" when none matched
 * @param matchedBy how the noun reached it: "name", "keyword", "alias" or "none"
 */
public record Pictogram(String noun, int codePoint, String name, String matchedBy) {
  public static Pictogram placeholder(String noun) {
    return new Pictogram(noun, 0, "placeholder", "none");
  }

  public boolean isPlaceholder() {
    return codePoint == 0;
  }
}
