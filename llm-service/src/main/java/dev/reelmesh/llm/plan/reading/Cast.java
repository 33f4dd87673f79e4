package dev.reelmesh.llm.plan.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The people (and pets) a brief names, with age, gender, how many, what they wear and how they
 * relate: "an old fisherman and his granddaughter" is two members, the second related to the first.
 */
final class Cast {
  static final int MAX = 4;
  private static final Set<String> ADJECTIVES = Set.of("lone", "young", "little", "tall", "short",
      "busy", "tired", "proud", "lonely", "brave", "curious", "sleepy", "shy", "bored", "friendly",
      "smiling", "laughing", "happy", "focused", "determined", "confident", "elderly", "old",
      "small", "big", "new", "local", "skilled", "expert", "professional", "cheerful");
  private static final Set<String> GARMENTS = Set.of("dress", "coat", "jacket", "raincoat", "shirt",
      "t-shirt", "sweater", "jumper", "hoodie", "suit", "scarf", "hat", "cap", "boots", "apron",
      "uniform", "spacesuit", "helmet", "jersey", "overalls", "gown", "veil", "kimono", "sari",
      "trousers", "jeans", "skirt", "cardigan", "tuxedo", "blazer", "poncho", "wetsuit", "vest");

  private Cast() {}

  /** The lexicon entry when {@code p} names people or a pet, else null. */
  static People.Kind person(Phrase p) {
    People.Kind k = People.of(p.head());
    if (k == null && People.pet(p.head()) != null) {
      k = new People.Kind(AgeGroup.UNSPECIFIED, Gender.UNSPECIFIED, Grammar.isPlural(p.head()) ? 2 : 1, false);
    }
    return k;
  }

  static List<CastMember> read(List<Phrase> phrases, Scene scene) {
    List<CastMember> cast = new ArrayList<>();
    for (int i = 0; i < phrases.size() && cast.size() < MAX; i++) {
      Phrase p = phrases.get(i);
      People.Kind k = person(p);
      if (k == null) {
        eventGuests(p, cast);
        continue;
      }
      String head = Grammar.singular(p.head());
      AgeGroup age = k.age();
      List<String> role = new ArrayList<>();
      List<String> attributes = new ArrayList<>();
      for (String m : p.modifiers()) {
        if (People.AGE_WORDS.containsKey(m) && age != AgeGroup.CHILD) {
          age = People.AGE_WORDS.get(m);
          attributes.add(m);
        } else if (ADJECTIVES.contains(m) || m.matches(".*(?:ly|ful|ous|ed|y)") && Colours.hex(m) == null) {
          attributes.add(m);
        } else if (Colours.hex(m) == null) {
          role.add(m);
        }
      }
      role.add(head);
      boolean related = Set.of("his", "her", "their").contains(p.det()) && !cast.isEmpty();
      String species = People.pet(p.head()) == null ? "" : People.pet(p.head());
      String relation = related ? (species.isEmpty() ? head : "pet") : k.count() == 2 && head.equals("couple") ? "partner" : "";
      cast.add(new CastMember(String.join(" ", role), age, k.gender(), k.count(), relation,
          related ? cast.size() - 1 : -1, species, String.join(" ", attributes), clothing(phrases, i)));
    }
    return cast;
  }

  /** "kids' birthday party": the party's guests are people too. */
  private static void eventGuests(Phrase p, List<CastMember> cast) {
    if (Things.kind(p.text(), p.head()) != SubjectKind.EVENT) {
      return;
    }
    for (String m : p.modifiers()) {
      People.Kind k = People.of(m);
      if (k != null && cast.size() < MAX) {
        cast.add(new CastMember(Grammar.singular(m.replace("'", "")), k.age(), k.gender(), k.count(),
            "", -1, "", "", ""));
      }
    }
  }

  /** "a girl in a yellow raincoat": the next phrase, when it is a garment after "in". */
  private static String clothing(List<Phrase> phrases, int i) {
    if (i + 1 >= phrases.size()) {
      return "";
    }
    Phrase next = phrases.get(i + 1);
    return Set.of("in", "wearing").contains(next.prep()) && GARMENTS.contains(Grammar.singular(next.head()))
        ? next.text() : "";
  }
}
