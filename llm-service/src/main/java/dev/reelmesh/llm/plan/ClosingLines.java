package dev.reelmesh.llm.plan;

import java.util.List;
import java.util.Map;

/** How a video of each purpose ends: an ad asks you to try it, an invitation invites, a loop breathes. */
final class ClosingLines {
  private static final Map<String, List<String>> BY_PURPOSE = Map.ofEntries(
      Map.entry("ad", List.of("Try {BS} today.", "Find {S} at {B}.", "Get yours today.", "{BS}: made for you.")),
      Map.entry("launch", List.of("Meet the new {noun}.", "{S}, out now.", "The new {noun} is here.", "Get yours today.")),
      Map.entry("explainer", List.of("Visit {B} in {P}.", "{B}: come and say hello.", "That's how {Q} works.",
          "Try {Q} today.", "That's {BS}.")),
      Map.entry("loop", List.of("Breathe with {Qother}.", "Breathe in. Breathe out.", "Stay as long as you like.", "Return to {L} anytime.")),
      Map.entry("teaser", List.of("{Qother}, coming soon.", "Coming soon.", "The story begins soon.", "{Q}, coming soon.")),
      Map.entry("invitation", List.of("You're invited!", "Come and celebrate with us.", "See you at the party!")),
      Map.entry("save-the-date", List.of("Save the date.", "Join us to celebrate.")),
      Map.entry("recruiting", List.of("Join the team at {Q}.", "Build the future with us.", "Come and work with us.")),
      Map.entry("appeal", List.of("Help {C1} today.", "Your gift changes everything.", "Give today.")),
      Map.entry("recipe", List.of("Dinner is ready.", "Try it tonight.", "Cook it tonight.")),
      Map.entry("walkthrough", List.of("Book a viewing today.", "Your new home is waiting.")),
      Map.entry("travel", List.of("{P} is waiting.", "See you in {P}.", "Pack your bags.")),
      Map.entry("music video", List.of("", "")));
  private static final List<String> DEFAULT = List.of("Made for {Qother}.", "{S}, at rest.", "A moment, remembered.",
      "{L}, {T}, and {S}.", "Until next time.");

  private ClosingLines() {}

  static List<String> of(String purpose) {
    List<String> own = BY_PURPOSE.getOrDefault(purpose, List.of());
    return own.isEmpty() ? DEFAULT : concat(own, DEFAULT);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).filter(s -> !s.isEmpty()).toList();
  }
}
