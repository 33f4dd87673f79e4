package dev.reelmesh.llm.plan.reading;

import java.util.Map;

/**
 * Nouns for people (and the pets that act like characters): the age and gender each implies, and
 * how many people a plural or collective noun stands for ("a couple" is two).
 */
final class People {
  /** One entry of the lexicon: who a noun names by default. */
  record Kind(AgeGroup age, Gender gender, int count, boolean kin) {}

  private static final Kind A = new Kind(AgeGroup.ADULT, Gender.UNSPECIFIED, 1, false);
  private static final Kind Y = new Kind(AgeGroup.YOUNG_ADULT, Gender.UNSPECIFIED, 1, false);

  static final Map<String, Kind> NOUNS = Map.ofEntries(
      Map.entry("person", A), Map.entry("woman", kind(AgeGroup.ADULT, Gender.FEMALE)),
      Map.entry("man", kind(AgeGroup.ADULT, Gender.MALE)), Map.entry("lady", kind(AgeGroup.ADULT, Gender.FEMALE)),
      Map.entry("girl", kind(AgeGroup.CHILD, Gender.FEMALE)), Map.entry("boy", kind(AgeGroup.CHILD, Gender.MALE)),
      Map.entry("child", kind(AgeGroup.CHILD, Gender.UNSPECIFIED)), Map.entry("kid", kind(AgeGroup.CHILD, Gender.UNSPECIFIED)),
      Map.entry("toddler", kind(AgeGroup.CHILD, Gender.UNSPECIFIED)), Map.entry("baby", kind(AgeGroup.CHILD, Gender.UNSPECIFIED)),
      Map.entry("teenager", kind(AgeGroup.TEEN, Gender.UNSPECIFIED)), Map.entry("teen", kind(AgeGroup.TEEN, Gender.UNSPECIFIED)),
      Map.entry("granddaughter", kin(AgeGroup.CHILD, Gender.FEMALE)), Map.entry("grandson", kin(AgeGroup.CHILD, Gender.MALE)),
      Map.entry("grandchild", kin(AgeGroup.CHILD, Gender.UNSPECIFIED)), Map.entry("daughter", kin(AgeGroup.CHILD, Gender.FEMALE)),
      Map.entry("son", kin(AgeGroup.CHILD, Gender.MALE)), Map.entry("grandfather", kin(AgeGroup.OLDER, Gender.MALE)),
      Map.entry("grandpa", kin(AgeGroup.OLDER, Gender.MALE)), Map.entry("grandmother", kin(AgeGroup.OLDER, Gender.FEMALE)),
      Map.entry("grandma", kin(AgeGroup.OLDER, Gender.FEMALE)), Map.entry("granny", kin(AgeGroup.OLDER, Gender.FEMALE)),
      Map.entry("mother", kin(AgeGroup.ADULT, Gender.FEMALE)), Map.entry("mum", kin(AgeGroup.ADULT, Gender.FEMALE)),
      Map.entry("mom", kin(AgeGroup.ADULT, Gender.FEMALE)), Map.entry("father", kin(AgeGroup.ADULT, Gender.MALE)),
      Map.entry("dad", kin(AgeGroup.ADULT, Gender.MALE)), Map.entry("wife", kin(AgeGroup.ADULT, Gender.FEMALE)),
      Map.entry("husband", kin(AgeGroup.ADULT, Gender.MALE)), Map.entry("sister", kin(AgeGroup.YOUNG_ADULT, Gender.FEMALE)),
      Map.entry("brother", kin(AgeGroup.YOUNG_ADULT, Gender.MALE)), Map.entry("partner", kin(AgeGroup.YOUNG_ADULT, Gender.UNSPECIFIED)),
      Map.entry("friend", kin(AgeGroup.YOUNG_ADULT, Gender.UNSPECIFIED)), Map.entry("colleague", kin(AgeGroup.ADULT, Gender.UNSPECIFIED)),
      Map.entry("bride", kind(AgeGroup.YOUNG_ADULT, Gender.FEMALE)), Map.entry("groom", kind(AgeGroup.YOUNG_ADULT, Gender.MALE)),
      Map.entry("couple", new Kind(AgeGroup.YOUNG_ADULT, Gender.UNSPECIFIED, 2, false)),
      Map.entry("family", new Kind(AgeGroup.ADULT, Gender.UNSPECIFIED, 3, false)),
      Map.entry("team", new Kind(AgeGroup.ADULT, Gender.UNSPECIFIED, 3, false)),
      Map.entry("crowd", new Kind(AgeGroup.ADULT, Gender.UNSPECIFIED, 3, false)),
      Map.entry("fisherman", kind(AgeGroup.ADULT, Gender.MALE)), Map.entry("fisherwoman", kind(AgeGroup.ADULT, Gender.FEMALE)),
      Map.entry("fisher", A), Map.entry("sailor", A), Map.entry("barista", Y), Map.entry("chef", A), Map.entry("cook", A),
      Map.entry("baker", A), Map.entry("waiter", kind(AgeGroup.YOUNG_ADULT, Gender.MALE)),
      Map.entry("waitress", kind(AgeGroup.YOUNG_ADULT, Gender.FEMALE)), Map.entry("astronaut", A),
      Map.entry("pilot", A), Map.entry("driver", A), Map.entry("commuter", A), Map.entry("traveller", Y),
      Map.entry("traveler", Y), Map.entry("tourist", Y), Map.entry("biker", Y), Map.entry("cyclist", Y),
      Map.entry("rider", Y), Map.entry("runner", Y), Map.entry("hiker", Y), Map.entry("climber", Y),
      Map.entry("surfer", Y), Map.entry("skater", Y), Map.entry("skier", Y), Map.entry("swimmer", Y),
      Map.entry("diver", Y), Map.entry("athlete", Y), Map.entry("dancer", Y), Map.entry("musician", Y),
      Map.entry("singer", Y), Map.entry("artist", Y), Map.entry("painter", A), Map.entry("engineer", A),
      Map.entry("scientist", A), Map.entry("researcher", A), Map.entry("developer", Y),
      Map.entry("programmer", Y), Map.entry("coder", Y), Map.entry("designer", Y), Map.entry("founder", A),
      Map.entry("entrepreneur", A), Map.entry("student", Y), Map.entry("teacher", A), Map.entry("doctor", A),
      Map.entry("nurse", A), Map.entry("farmer", A), Map.entry("gardener", A), Map.entry("florist", A),
      Map.entry("mechanic", A), Map.entry("carpenter", A), Map.entry("tailor", A), Map.entry("barber", A),
      Map.entry("worker", A), Map.entry("employee", A), Map.entry("owner", A), Map.entry("shopkeeper", A),
      Map.entry("customer", A), Map.entry("shopper", A), Map.entry("volunteer", Y), Map.entry("detective", A),
      Map.entry("host", A), Map.entry("presenter", A), Map.entry("gamer", Y), Map.entry("parent", kin(AgeGroup.ADULT, Gender.UNSPECIFIED)),
      Map.entry("grandparent", kin(AgeGroup.OLDER, Gender.UNSPECIFIED)), Map.entry("monk", A),
      Map.entry("villager", A), Map.entry("vendor", A), Map.entry("photographer", Y), Map.entry("writer", A),
      Map.entry("explorer", A), Map.entry("soldier", Y), Map.entry("guide", A), Map.entry("user", A),
      Map.entry("people", new Kind(AgeGroup.ADULT, Gender.UNSPECIFIED, 2, false)),
      Map.entry("children", new Kind(AgeGroup.CHILD, Gender.UNSPECIFIED, 2, false)),
      Map.entry("kids", new Kind(AgeGroup.CHILD, Gender.UNSPECIFIED, 2, false)),
      Map.entry("kids'", new Kind(AgeGroup.CHILD, Gender.UNSPECIFIED, 2, false)));
  /** Pets that act in a brief: characters with a species. */
  static final Map<String, String> PETS = Map.ofEntries(Map.entry("cat", "cat"),
      Map.entry("kitten", "kitten"), Map.entry("dog", "dog"), Map.entry("puppy", "puppy"),
      Map.entry("hamster", "hamster"), Map.entry("rabbit", "rabbit"), Map.entry("parrot", "parrot"),
      Map.entry("horse", "horse"), Map.entry("pony", "pony"));
  /** Words before a person noun that set the age ("old fisherman", "little girl"). */
  static final Map<String, AgeGroup> AGE_WORDS = Map.ofEntries(Map.entry("old", AgeGroup.OLDER),
      Map.entry("elderly", AgeGroup.OLDER), Map.entry("aged", AgeGroup.OLDER),
      Map.entry("grey-haired", AgeGroup.OLDER), Map.entry("retired", AgeGroup.OLDER),
      Map.entry("senior", AgeGroup.OLDER), Map.entry("young", AgeGroup.YOUNG_ADULT),
      Map.entry("little", AgeGroup.CHILD), Map.entry("teenage", AgeGroup.TEEN),
      Map.entry("middle-aged", AgeGroup.ADULT));

  private People() {}

  private static Kind kind(AgeGroup age, Gender gender) {
    return new Kind(age, gender, 1, false);
  }

  private static Kind kin(AgeGroup age, Gender gender) {
    return new Kind(age, gender, 1, true);
  }

  /** The lexicon entry for a (possibly plural) noun: "engineers" → engineer ×2. */
  static Kind of(String noun) {
    String w = Grammar.lower(noun);
    Kind k = NOUNS.get(w);
    if (k != null) {
      return k;
    }
    String one = Grammar.singular(w);
    k = NOUNS.get(one);
    return k == null ? null : new Kind(k.age(), k.gender(), Math.max(2, k.count()), k.kin());
  }

  static String pet(String noun) {
    return PETS.get(Grammar.singular(noun));
  }
}
