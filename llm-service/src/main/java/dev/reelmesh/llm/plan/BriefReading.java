package dev.reelmesh.llm.plan;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What the offline planner reads out of a brief: the subject, a setting, a person. */
record BriefReading(String subject, String setting, String person, String lightHint,
    String impliedSetting) {
  private static final Pattern LEAD_IN = Pattern.compile(
      "^(?:(?:a|an|the|one)\\s+)?(?:\\d+[- ]?(?:second|sec|s|minute|min)s?[- ]?)?\\s*"
          + "(?:(?:video|ad|advert|advertisement|spot|film|clip|short|reel|promo|commercial|trailer)\\s+)?"
          + "(?:(?:for|about|of|on|showing|featuring)\\s+)?",
      Pattern.CASE_INSENSITIVE);
  private static final List<String> SETTINGS = List.of("kitchen", "cafe", "café", "street", "office",
      "studio", "forest", "beach", "city", "garden", "workshop", "garage", "lab", "bedroom",
      "living room", "mountain", "desert", "park", "rooftop", "warehouse", "classroom", "gym");
  private static final List<String> PEOPLE = List.of("barista", "chef", "developer", "engineer",
      "woman", "man", "girl", "boy", "child", "runner", "athlete", "artist", "musician", "student",
      "teacher", "doctor", "founder", "customer", "person", "family", "friends", "detective");
  private static final List<String> LIGHT = List.of("morning", "sunrise", "sunset", "golden hour",
      "night", "neon", "candle", "moonlight", "overcast", "noon", "dusk", "dawn");

  /** Where a subject is usually seen, for briefs that name no setting: keyword → setting. */
  private static final List<String[]> IMPLIED = List.of(
      new String[] {"kettle|coffee|tea|mug|pan|knife|oven|blender|espresso|recipe|bread|food",
          "kitchen"},
      new String[] {"shoe|sneaker|trail|running|bike|bicycle|hiking|tent|backpack", "park"},
      new String[] {"app|software|saas|code|developer|laptop|api|dashboard|startup", "office"},
      new String[] {"perfume|skincare|lipstick|cosmetic|serum|cream", "bathroom"},
      new String[] {"sofa|lamp|chair|bed|pillow|blanket|candle", "living room"},
      new String[] {"car|truck|motorbike|scooter", "open road"},
      new String[] {"surf|swim|sunscreen|sunglasses", "beach"});

  static String implied(String lower) {
    for (String[] rule : IMPLIED) {
      if (Pattern.compile("\\b(?:" + rule[0] + ")s?\\b").matcher(lower).find()) {
        return rule[1];
      }
    }
    return "";
  }

  static BriefReading of(String brief, String product) {
    String lower = brief.toLowerCase(Locale.ROOT);
    String firstClause = brief.split("[,.;:!?\\n]", 2)[0].strip();
    String subject = product.isEmpty() ? LEAD_IN.matcher(firstClause).replaceFirst("").strip() : product;
    subject = firstWords(subject.isEmpty() ? firstClause : subject, 8);
    return new BriefReading(subject, find(lower, SETTINGS), find(lower, PEOPLE), find(lower, LIGHT),
        implied(lower + " " + product.toLowerCase(Locale.ROOT)));
  }

  private static String find(String lower, List<String> words) {
    for (String w : words) {
      if (Pattern.compile("\\b" + Pattern.quote(w) + "\\b").matcher(lower).find()) {
        return w;
      }
    }
    return "";
  }

  static String firstWords(String text, int n) {
    String[] words = text.strip().split("\\s+");
    return words.length <= n ? text.strip() : String.join(" ", List.of(words).subList(0, n));
  }
}
