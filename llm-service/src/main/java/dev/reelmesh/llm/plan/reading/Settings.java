package dev.reelmesh.llm.plan.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The setting: a place the subject is (a shop, a flat), else the first place phrase the brief puts
 * things in or on, else one the subject, props or people imply. A fixture ("puddle", "desk",
 * "lighthouse") marks its kind of place and becomes a feature of it.
 */
final class Settings {
  private static final Set<String> FIXTURES = Set.of("puddle", "desk", "table", "lighthouse",
      "feeder", "counter", "windowsill", "sofa", "couch", "bed", "fireplace", "deck", "bridge",
      "countertop", "worktop", "stove", "sand", "waves", "wave");
  private static final Map<LocationKind, String> KIND_WORDS = Map.ofEntries(
      Map.entry(LocationKind.KITCHEN, "kitchen"), Map.entry(LocationKind.ROOM, "room"),
      Map.entry(LocationKind.OFFICE, "office"), Map.entry(LocationKind.SHOP_INTERIOR, "shop"),
      Map.entry(LocationKind.STREET, "street"), Map.entry(LocationKind.ROAD, "open road"),
      Map.entry(LocationKind.PARK, "garden"), Map.entry(LocationKind.FOREST, "forest"),
      Map.entry(LocationKind.MOUNTAIN, "mountainside"), Map.entry(LocationKind.COUNTRYSIDE, "countryside"),
      Map.entry(LocationKind.DESERT, "desert"), Map.entry(LocationKind.BEACH, "beach"),
      Map.entry(LocationKind.SEA, "coast"), Map.entry(LocationKind.HARBOUR, "harbour"),
      Map.entry(LocationKind.LAKE, "lakeside"), Map.entry(LocationKind.SKY, "open sky"),
      Map.entry(LocationKind.SPACE, "outer space"), Map.entry(LocationKind.LAB, "lab"),
      Map.entry(LocationKind.STUDIO, "studio"), Map.entry(LocationKind.VEHICLE_INTERIOR, "carriage"),
      Map.entry(LocationKind.TABLETOP, "table top"));
  /** Where people of a role are usually seen. */
  private static final Map<String, LocationKind> ROLES = Map.ofEntries(
      Map.entry("barista", LocationKind.SHOP_INTERIOR), Map.entry("chef", LocationKind.KITCHEN),
      Map.entry("cook", LocationKind.KITCHEN), Map.entry("baker", LocationKind.KITCHEN),
      Map.entry("astronaut", LocationKind.SPACE), Map.entry("engineer", LocationKind.LAB),
      Map.entry("scientist", LocationKind.LAB), Map.entry("student", LocationKind.ROOM),
      Map.entry("fisherman", LocationKind.HARBOUR), Map.entry("farmer", LocationKind.COUNTRYSIDE),
      Map.entry("surfer", LocationKind.BEACH), Map.entry("commuter", LocationKind.VEHICLE_INTERIOR),
      Map.entry("developer", LocationKind.OFFICE), Map.entry("mechanic", LocationKind.SHOP_INTERIOR),
      Map.entry("hiker", LocationKind.MOUNTAIN), Map.entry("runner", LocationKind.PARK),
      Map.entry("cyclist", LocationKind.STREET), Map.entry("sailor", LocationKind.HARBOUR),
      Map.entry("gardener", LocationKind.PARK), Map.entry("teacher", LocationKind.ROOM));
  private static final Set<String> PLACE_PREPS = Set.of("in", "to", "from", "across", "around", "near", "through");

  private Settings() {}

  static String kindWord(LocationKind kind) {
    return KIND_WORDS.getOrDefault(kind, "");
  }

  static Setting read(List<Phrase> phrases, Phrase subject, Scene scene, List<CastMember> cast, Phrase product) {
    String placeName = phrases.stream().filter(p -> p.properName() && PLACE_PREPS.contains(p.prep()) && !p.product())
        .map(Phrase::text).findFirst().orElse("");
    List<String> features = new ArrayList<>();
    Phrase chosen = null;
    LocationKind kind = null;
    boolean byModifier = false;
    if (subject != null && Things.kind(subject.text(), subject.head()) == SubjectKind.PLACE
        && Places.kind(subject.text(), subject.head()) != null) {
      chosen = subject;
      kind = Places.kind(subject.text(), subject.head());
    }
    for (Phrase p : phrases) {
      if (p == subject && chosen == null || p.properName() || Cast.person(p) != null) {
        continue;
      }
      LocationKind k = Places.kind(p.text(), p.head());
      boolean modifier = false;
      if (k == null) {
        for (String m : p.modifiers()) {
          k = k == null ? Places.NOUNS.get(m) : k;
        }
        modifier = k != null;
      }
      if (k == null || p == chosen) {
        continue;
      }
      if (chosen == null && (Grammar.LOCATIVE.contains(p.prep()) || p.prep().isEmpty() && p != subject)) {
        chosen = p;
        kind = k;
        byModifier = modifier;
      } else {
        features.add(p.text());
      }
    }
    if (chosen != null) {
      if (chosen == subject) {
        phrases.stream().filter(p -> p.prep().equals("with") && Cast.person(p) == null)
            .forEach(p -> features.add(0, p.text()));
      }
      boolean fixture = FIXTURES.contains(chosen.head()) || byModifier;
      if (fixture) {
        features.add(0, chosen.text());
      }
      String name = byModifier ? modifierPlace(chosen) : fixture ? kindWord(kind) : chosen.text();
      String anchor = chosen.prep().isEmpty() || chosen == subject ? ""
          : chosen.prep() + " " + (chosen.det().isEmpty() ? "" : chosen.det() + " ") + chosen.text();
      return new Setting(name, kind, false, placeName, dedupe(features), anchor);
    }
    LocationKind implied = implied(subject, product, phrases, cast);
    return new Setting(implied == null ? "" : kindWord(implied),
        implied == null ? LocationKind.UNSPECIFIED : implied, implied != null, placeName, dedupe(features), "");
  }

  private static String modifierPlace(Phrase p) {
    return p.modifiers().stream().filter(Places.NOUNS::containsKey).findFirst().orElse(p.head());
  }

  private static LocationKind implied(Phrase subject, Phrase product, List<Phrase> phrases, List<CastMember> cast) {
    List<Phrase> order = new ArrayList<>();
    if (subject != null) {
      order.add(subject);
    }
    if (product != null) {
      order.add(product);
    }
    order.addAll(phrases);
    for (Phrase p : order) {
      LocationKind k = Places.implied(p.text(), p.head());
      for (int i = 0; k == null && i < p.modifiers().size(); i++) {
        k = Places.IMPLIED.get(p.modifiers().get(i));
      }
      if (k != null) {
        return k;
      }
    }
    for (CastMember c : cast) {
      String head = c.role().substring(c.role().lastIndexOf(' ') + 1);
      if (ROLES.containsKey(head)) {
        return ROLES.get(head);
      }
    }
    return null;
  }

  private static List<String> dedupe(List<String> list) {
    return List.copyOf(new java.util.LinkedHashSet<>(list));
  }
}
