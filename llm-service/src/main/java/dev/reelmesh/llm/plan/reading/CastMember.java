package dev.reelmesh.llm.plan.reading;

/**
 * Someone the brief names: "an old fisherman" (role fisherman, older, male), "his granddaughter"
 * (child, female, relation granddaughter of member 0), "engineers" (count 2), "a puppy"
 * (species puppy). {@code relatedTo} is an index into the reading's cast, or -1.
 *
 * @param role what the brief calls them, singular ("mountain biker", "granddaughter", "puppy")
 * @param attributes the brief's words about them that are not age ("lone")
 * @param clothing what the brief says they wear ("yellow raincoat"), or ""
 */
public record CastMember(String role, AgeGroup age, Gender gender, int count, String relation,
    int relatedTo, String species, String attributes, String clothing) {

  public boolean animal() {
    return !species.isEmpty();
  }
}
