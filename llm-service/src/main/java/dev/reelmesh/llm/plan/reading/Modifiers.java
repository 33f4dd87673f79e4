package dev.reelmesh.llm.plan.reading;

import java.util.Map;

/**
 * Words that colour the whole video rather than name a thing in it: mood, time of day, season,
 * weather and camera words ("macro", "slow motion", "GoPro feel").
 */
final class Modifiers {
  /** Mood word in the brief → the mood the plan keeps. */
  static final Map<String, String> MOODS = Map.ofEntries(
      Map.entry("calm", "calm"), Map.entry("serene", "serene"), Map.entry("peaceful", "peaceful"),
      Map.entry("tranquil", "calm"), Map.entry("relaxing", "calm"), Map.entry("soothing", "calm"),
      Map.entry("meditative", "calm"), Map.entry("mindful", "calm"), Map.entry("zen", "calm"),
      Map.entry("cosy", "cosy"), Map.entry("cozy", "cosy"), Map.entry("homely", "cosy"),
      Map.entry("playful", "playful"), Map.entry("fun", "playful"), Map.entry("whimsical", "playful"),
      Map.entry("funny", "comic"), Map.entry("comic", "comic"), Map.entry("comedic", "comic"),
      Map.entry("silly", "comic"), Map.entry("hopeful", "hopeful"), Map.entry("uplifting", "hopeful"),
      Map.entry("inspiring", "inspiring"), Map.entry("joyful", "joyful"), Map.entry("happy", "joyful"),
      Map.entry("cheerful", "joyful"), Map.entry("festive", "festive"), Map.entry("romantic", "romantic"),
      Map.entry("dreamy", "dreamy"), Map.entry("tender", "tender"), Map.entry("nostalgic", "nostalgic"),
      Map.entry("wistful", "wistful"), Map.entry("melancholic", "melancholic"), Map.entry("sad", "melancholic"),
      Map.entry("tense", "tense"), Map.entry("moody", "moody"),
      Map.entry("mysterious", "mysterious"), Map.entry("eerie", "eerie"), Map.entry("ominous", "tense"),
      Map.entry("suspenseful", "tense"), Map.entry("noir", "tense"), Map.entry("energetic", "energetic"),
      Map.entry("dynamic", "energetic"), Map.entry("exciting", "energetic"), Map.entry("thrilling", "energetic"),
      Map.entry("epic", "epic"), Map.entry("bold", "bold"), Map.entry("elegant", "elegant"),
      Map.entry("luxurious", "elegant"), Map.entry("premium", "elegant"), Map.entry("sleek", "elegant"),
      Map.entry("minimal", "calm"), Map.entry("minimalist", "calm"),
      Map.entry("honest", "honest"), Map.entry("authentic", "honest"),
      Map.entry("gritty", "gritty"), Map.entry("quirky", "playful"), Map.entry("lively", "energetic"));
  /** Moods a word implies without naming one ("meditation" → calm). */
  static final Map<String, String> IMPLIED_MOODS = Map.ofEntries(
      Map.entry("meditation", "calm"), Map.entry("yoga", "calm"), Map.entry("sleep", "calm"),
      Map.entry("spa", "calm"), Map.entry("birthday", "joyful"), Map.entry("party", "joyful"),
      Map.entry("kids", "playful"), Map.entry("kids'", "playful"), Map.entry("wedding", "romantic"),
      Map.entry("sci-fi", "mysterious"), Map.entry("racing", "energetic"), Map.entry("gopro", "energetic"),
      Map.entry("lone", "solitary"), Map.entry("detective", "tense"), Map.entry("horror", "eerie"),
      Map.entry("thriller", "tense"), Map.entry("winter", "cosy"));
  static final Map<String, String> TIMES = Map.ofEntries(
      Map.entry("dawn", "dawn"), Map.entry("sunrise", "sunrise"), Map.entry("daybreak", "dawn"),
      Map.entry("morning", "morning"), Map.entry("noon", "noon"), Map.entry("midday", "noon"),
      Map.entry("afternoon", "afternoon"), Map.entry("golden hour", "golden hour"),
      Map.entry("sunset", "sunset"), Map.entry("dusk", "dusk"), Map.entry("twilight", "dusk"),
      Map.entry("evening", "evening"), Map.entry("night", "night"), Map.entry("midnight", "night"),
      Map.entry("nighttime", "night"), Map.entry("blue hour", "dusk"));
  static final Map<String, String> SEASONS = Map.of("spring", "spring", "summer", "summer",
      "autumn", "autumn", "fall", "autumn", "winter", "winter", "christmas", "winter");
  static final Map<String, String> WEATHER = Map.ofEntries(
      Map.entry("rain", "rain"), Map.entry("rainy", "rain"), Map.entry("raining", "rain"),
      Map.entry("drizzle", "rain"), Map.entry("snow", "snow"), Map.entry("snowy", "snow"),
      Map.entry("fog", "fog"), Map.entry("foggy", "fog"), Map.entry("misty", "fog"), Map.entry("mist", "fog"),
      Map.entry("storm", "storm"), Map.entry("stormy", "storm"), Map.entry("sunny", "sun"),
      Map.entry("windy", "wind"), Map.entry("cloudy", "cloud"), Map.entry("overcast", "cloud"));
  /** Camera words → cinematography the plan keeps. */
  static final Map<String, String> CAMERA = Map.ofEntries(
      Map.entry("macro", "macro lens, extreme close detail"), Map.entry("slow motion", "slow motion"),
      Map.entry("slow-motion", "slow motion"), Map.entry("gopro", "wide-angle action-camera point of view"),
      Map.entry("pov", "first-person point of view"), Map.entry("drone", "aerial drone moves"),
      Map.entry("aerial", "aerial drone moves"), Map.entry("handheld", "handheld camera"),
      Map.entry("timelapse", "time-lapse"), Map.entry("time-lapse", "time-lapse"),
      Map.entry("close-up", "close-ups"), Map.entry("overhead", "overhead top-down view"),
      Map.entry("top-down", "overhead top-down view"), Map.entry("cinematic", "cinematic framing"));

  private Modifiers() {}
}
