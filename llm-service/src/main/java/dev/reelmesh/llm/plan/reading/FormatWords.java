package dev.reelmesh.llm.plan.reading;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Words about the video rather than what is in it: length, orientation, platform, and what kind
 * of video it is. The reader sets them aside so none becomes a subject ("Meet vertical clip").
 */
final class FormatWords {
  /** "15 second", "20-second", "20s", "1 minute", "90 sec". */
  static final Pattern DURATION = Pattern.compile(
      "(?i)\\b\\d+(?:\\.\\d+)?\\s*-?\\s*(?:seconds?|secs?|s|minutes?|mins?|m)\\b(?:\\s*-?\\s*long)?");
  static final Pattern RATIO = Pattern.compile("\\b(?:9:16|16:9|1:1|4:5|4:3|21:9)\\b");
  static final Set<String> ORIENTATION = Set.of("vertical", "horizontal", "square", "portrait",
      "landscape", "widescreen");
  static final Set<String> PLATFORMS = Set.of("instagram", "tiktok", "youtube", "facebook",
      "linkedin", "snapchat", "pinterest", "twitter", "shorts", "reels", "stories", "insta", "ig",
      "vimeo", "twitch");
  /** Nouns that name the video itself. */
  static final Set<String> MEDIA = Set.of("clip", "video", "ad", "advert", "advertisement",
      "commercial", "spot", "promo", "reel", "short", "film", "loop", "explainer", "teaser",
      "trailer", "invitation", "invite", "launch", "walkthrough", "animation", "gif", "story",
      "montage", "vlog", "tutorial", "demo", "intro", "outro", "showcase", "save-the-date",
      "appeal", "campaign", "announcement", "slideshow",
      "music video", "movie", "footage", "content", "recap", "highlight", "highlights", "version",
      "product", "brand", "tone", "feel", "vibe", "vibes", "ending", "timing", "style",
      "aesthetic", "format", "visuals");
  /** Words that qualify a video and say what kind it is: "recipe short", "travel reel". */
  static final Map<String, String> PURPOSES = Map.ofEntries(
      Map.entry("ad", "ad"), Map.entry("advert", "ad"), Map.entry("advertisement", "ad"),
      Map.entry("commercial", "ad"), Map.entry("spot", "ad"), Map.entry("promo", "ad"),
      Map.entry("explainer", "explainer"), Map.entry("tutorial", "explainer"),
      Map.entry("demo", "explainer"), Map.entry("loop", "loop"), Map.entry("gif", "loop"),
      Map.entry("teaser", "teaser"), Map.entry("trailer", "teaser"), Map.entry("launch", "launch"),
      Map.entry("announcement", "launch"), Map.entry("invitation", "invitation"),
      Map.entry("invite", "invitation"), Map.entry("recipe", "recipe"),
      Map.entry("walkthrough", "walkthrough"), Map.entry("real-estate", "walkthrough"),
      Map.entry("recruiting", "recruiting"), Map.entry("recruitment", "recruiting"),
      Map.entry("hiring", "recruiting"), Map.entry("appeal", "appeal"), Map.entry("fundraiser", "appeal"),
      Map.entry("ngo", "appeal"), Map.entry("charity", "appeal"), Map.entry("travel", "travel"),
      Map.entry("save-the-date", "save-the-date"), Map.entry("music video", "music video"),
      Map.entry("showcase", "ad"), Map.entry("vlog", "travel"));
  /** Words that only qualify a media noun ("product launch", "real-estate walkthrough"). */
  static final Set<String> QUALIFIERS = Set.of("product", "real-estate", "recruiting",
      "recruitment", "hiring", "ngo", "charity", "recipe", "travel", "promo", "social", "brand",
      "marketing", "launch", "short-form", "social-media", "quick", "short", "simple", "fun",
      "animated", "looping", "seamless");
  /** Imperatives and asks that open a brief ("Show a barista…", "I need a…"). */
  static final Set<String> LEAD_VERBS = Set.of("show", "make", "create", "generate", "produce",
      "need", "want", "give", "render", "film", "shoot", "design", "build", "please", "i", "we",
      "me", "us", "write", "imagine", "depict", "animate", "do");

  private FormatWords() {}

  static String purpose(String lowerWord) {
    return PURPOSES.getOrDefault(lowerWord, "");
  }
}
