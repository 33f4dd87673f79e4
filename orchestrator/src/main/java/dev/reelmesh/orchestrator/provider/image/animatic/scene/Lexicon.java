package dev.reelmesh.orchestrator.provider.image.animatic.scene;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words of briefs that name no thing to draw: the format (duration, platform, "ad", "loop"),
 * function words, adjectives and time words. Keeping them out of the noun search is what stops
 * "15 second vertical clip for Instagram" from becoming the subject.
 */
final class Lexicon {
  static final Set<String> FORMAT = Set.of("second", "seconds", "sec", "secs", "s", "minute",
      "clip", "video", "film", "vertical", "horizontal", "square", "portrait", "landscape",
      "instagram", "tiktok", "youtube", "reel", "reels", "short", "shorts", "story", "stories",
      "ad", "advert", "advertisement", "commercial", "explainer", "loop", "teaser", "trailer",
      "promo", "launch", "product", "invitation", "appeal", "recruiting", "travel", "recipe",
      "walkthrough", "tour", "save", "date", "ngo", "spot", "campaign", "brand", "sci", "fi",
      "feel", "tone", "style", "look", "shot", "scene", "frame", "slow", "motion", "macro",
      "close", "wide", "gopro", "cinematic", "timing", "comic", "ending", "real", "estate",
      "birthday", "wedding", "show", "meet", "try", "podcast", "post", "how", "our", "your", "demo", "service", "routine");
  static final Set<String> FUNCTION = Set.of("a", "an", "the", "and", "or", "of", "for", "to",
      "in", "on", "at", "by", "with", "from", "into", "onto", "over", "under", "across",
      "along", "through", "after", "before", "off", "up", "down", "out", "his", "her", "their",
      "its", "our", "my", "this", "that", "these", "those", "who", "which", "while", "as",
      "is", "are", "be", "it", "he", "she", "they", "them", "us", "we", "you", "i", "all",
      "helps", "help", "overlooking", "towing", "knocking", "hovering", "drifting", "rolling",
      "rising", "mending", "making", "carrying", "walking", "racing", "testing", "dancing",
      "track", "spending",
      "fairy", "lights", "light", "steam", "food", "repair", "budgeting", "corner",
      "night", "day", "dawn", "dusk", "sunrise", "sunset", "morning", "evening", "golden",
      "hour", "winter", "summer", "autumn", "spring", "rain", "snow", "time", "easy", "way");
  /** Describing words: skipped, but they do not end a phrase ("red ceramic mug"). */
  static final Set<String> ADJECTIVES = Set.of("lone", "perfect", "fresh", "calm", "cosy",
      "cozy", "bright", "old", "young", "little", "small", "big", "large", "tiny", "new",
      "playful", "hopeful", "happy", "crowded", "quiet", "busy", "electric", "ceramic", "wooden",
      "rainy", "sunny", "dry", "cast", "iron", "noise", "cancelling", "canceling", "two",
      "three", "one", "paper", "plastic", "metal", "steel", "leather", "handmade",
      "vintage", "modern", "sleek", "premium", "organic", "hot", "cold", "warm", "cool");
  static final Set<String> STOP = union(FORMAT, FUNCTION);

  private Lexicon() {}

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.HashSet<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /** Lower-case words of {@code text}, hyphens and apostrophes splitting them. */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static final java.util.Map<String, String> IRREGULAR = java.util.Map.of("leaves",
      "leaf", "knives", "knife", "wolves", "wolf", "mice", "mouse", "geese", "goose", "men",
      "man", "women", "woman", "people", "person", "feet", "foot", "teeth", "tooth");

  /** "boats" → "boat", "lanterns" → "lantern", "glasses" → "glass"; leaves "glass" alone. */
  static String singular(String word) {
    if (IRREGULAR.containsKey(word)) {
      return IRREGULAR.get(word);
    }
    if (word.length() > 4 && word.endsWith("ies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.length() > 4 && (word.endsWith("sses") || word.endsWith("ches")
        || word.endsWith("shes"))) {
      return word.substring(0, word.length() - 2);
    }
    if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")
        && !word.endsWith("us")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }
}
