package dev.reelmesh.llm.shot;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A product is shown by how it is used, never by how it looks. Appearance words (finish,
 * colour, "sleek") are removed from the product-use fragment; what is left must still describe a
 * use (a verb: "-ing", "-ed" or a common handling verb), or the fragment is dropped.
 */
final class ProductLooks {
  /** Praise and finish words; in the prose check too, where colours may describe the scene. */
  static final Pattern LOOKS = Pattern.compile("(?i)\\b(?:sleek|shiny|glossy|gleaming|glistening|beautiful|"
      + "gorgeous|stunning|elegant|premium|luxurious|luxury|matte|polished|stylish|pretty|sparkling|chrome|"
      + "chromed|metallic|minimalist|high-end|designer|brand-new|eye-catching|slim|iconic)\\b");
  /** Appearance only when describing the product itself. */
  private static final Pattern PRODUCT_ONLY = Pattern.compile("(?i)\\b(?:red|blue|green|black|white|silver|"
      + "gold|golden|rose-gold|pink|purple|orange|yellow|grey|gray|colou?r(?:ed|ful)?|finish|design|"
      + "designed|look(?:s|ing)? good|looks|appearance|shape|shaped|modern|vibrant|bright|new)\\b");
  private static final Set<String> USE_VERBS = Set.of("pour", "pours", "press", "presses", "tap", "taps",
      "open", "opens", "hold", "holds", "grip", "grips", "tilt", "tilts", "use", "uses", "wipe", "wipes",
      "fill", "fills", "lift", "lifts", "spray", "sprays", "twist", "twists", "click", "clicks", "charge",
      "charges", "plug", "plugs", "brew", "brews", "cut", "cuts", "stir", "stirs", "zip", "zips", "wear",
      "wears", "carry", "carries", "push", "pushes", "pull", "pulls", "turn", "turns", "swipe", "swipes",
      "shake", "shakes", "sip", "sips", "drink", "drinks", "ride", "rides", "type", "types", "scan", "scans");
  private static final Set<String> NOT_VERBS = Set.of("thing", "string", "ring", "king", "wing", "ceiling",
      "morning", "evening", "building", "clothing", "spring", "sling", "bed", "red", "shed", "seed", "need",
      "speed", "feed", "weed", "steed");

  private ProductLooks() {}

  static String strip(String productUse) {
    return PRODUCT_ONLY.matcher(LOOKS.matcher(productUse).replaceAll(" ")).replaceAll(" ")
        .replaceAll("\\s+", " ").replaceAll("(?i)\\b(a|an|the|with|and|its|in)(\\s+(a|an|the|with|and|its|in))+\\b", "$1")
        .replaceAll("(?i)(\\s+(a|an|the|with|and|its|of|in))+$", "").replaceAll("^[,\\s]+|[,\\s]+$", "").strip();
  }

  static boolean describesUse(String productUse) {
    for (String raw : productUse.toLowerCase(Locale.ROOT).split("[^a-z-]+")) {
      if (USE_VERBS.contains(raw) || (!NOT_VERBS.contains(raw) && raw.length() > 4
          && (raw.endsWith("ing") || raw.endsWith("ed")))) {
        return true;
      }
    }
    return false;
  }
}
