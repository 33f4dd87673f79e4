package dev.reelmesh.llm.plan;

import dev.reelmesh.llm.plan.reading.AgeGroup;
import dev.reelmesh.llm.plan.reading.BriefReading;
import dev.reelmesh.llm.plan.reading.CastMember;
import dev.reelmesh.llm.plan.reading.Colours;
import dev.reelmesh.llm.plan.reading.Gender;
import dev.reelmesh.llm.plan.reading.Grammar;
import dev.reelmesh.llm.plan.reading.SubjectKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Turns the people a brief names into characters: one per person ("a couple" is two), a name that
 * suits their gender, an age-true description ("a girl of about nine", never "a child in their
 * thirties"), clothing and how they relate. A product ad that names nobody gets one user.
 */
final class CastBuilder {
  static final int MAX = 4;
  private static final List<String> FEMALE = List.of("Ana", "Maya", "Noor", "Ines", "Lia", "Sofia", "Amara", "Yuki");
  private static final List<String> MALE = List.of("Tomas", "Leo", "Omar", "Kai", "Jonas", "Ravi", "Mateo");
  private static final List<String> NEUTRAL = List.of("Sam", "Alex", "Robin", "Jordan", "Kit", "Ari", "Rowan");
  private static final List<String> PETS = List.of("Miso", "Biscuit", "Pepper", "Luna");
  private static final List<String> HAIR = List.of("short dark hair", "curly auburn hair",
      "braided black hair", "cropped blond hair", "long brown hair", "a tight black afro");
  private static final List<String> CHILD_AGES = List.of("seven", "eight", "nine", "ten");

  private CastBuilder() {}

  static List<PlanCharacter> build(BriefReading reading, Random random) {
    List<CastMember> members = new ArrayList<>(reading.cast());
    if (members.isEmpty() && needsUser(reading)) {
      members.add(new CastMember("person", AgeGroup.ADULT, Gender.UNSPECIFIED, 1, "", -1, "", "", ""));
    } else if (members.isEmpty() && reading.subjectKind() == SubjectKind.PLACE
        && reading.setting().kind() == dev.reelmesh.llm.plan.reading.LocationKind.SHOP_INTERIOR) {
      // A shop is shown at work: someone works there.
      members.add(new CastMember(worker(reading.subject()), AgeGroup.ADULT, Gender.UNSPECIFIED, 1, "", -1, "", "", ""));
    }
    List<PlanCharacter> out = new ArrayList<>();
    List<Integer> firstIdOf = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (CastMember m : members) {
      firstIdOf.add(out.size());
      for (int k = 0; k < m.count() && out.size() < MAX; k++) {
        String id = "char-" + (out.size() + 1);
        Gender gender = m.gender();
        String relation = m.relation();
        String relatedTo = m.relatedTo() >= 0 && m.relatedTo() < firstIdOf.size()
            ? "char-" + (firstIdOf.get(m.relatedTo()) + 1) : "";
        if (k > 0 && (m.relation().equals("partner") || m.count() == 2 && m.role().equals("couple"))) {
          relatedTo = "char-" + (out.size());
        } else if (k > 0 && m.relation().isEmpty()) {
          relation = "colleague";
          relatedTo = "char-" + (firstIdOf.get(firstIdOf.size() - 1) + 1);
        }
        if (m.relation().equals("partner") && k == 0) {
          relatedTo = "char-" + (out.size() + 2);
        }
        String name = name(m, gender, random, used);
        String role = m.role().equals("couple") ? "partner" : m.role();
        out.add(character(id, name, m, role, gender, relation, relatedTo, out, random));
      }
    }
    return out;
  }

  private static String worker(String shop) {
    String s = shop.toLowerCase(java.util.Locale.ROOT);
    return s.contains("repair") || s.contains("garage") || s.contains("workshop") ? "mechanic"
        : s.matches(".*\\b(?:café|cafe|coffee)\\b.*") ? "barista"
        : s.contains("bakery") ? "baker" : s.matches(".*\\b(?:restaurant|bistro|diner)\\b.*") ? "chef"
        : "shopkeeper";
  }

  /** A product shown by use needs hands to use it. */
  private static boolean needsUser(BriefReading r) {
    return List.of("ad", "launch", "explainer", "").contains(r.purpose())
        && List.of(SubjectKind.OBJECT, SubjectKind.DRINK, SubjectKind.APP).contains(r.subjectKind())
        && !r.product().isEmpty();
  }

  private static String name(CastMember m, Gender g, Random random, Set<String> used) {
    List<String> pool = m.animal() ? PETS : g == Gender.FEMALE ? FEMALE : g == Gender.MALE ? MALE : NEUTRAL;
    int start = random.nextInt(pool.size());
    for (int i = 0; i < pool.size(); i++) {
      String n = pool.get((start + i) % pool.size());
      if (used.add(n)) {
        return n;
      }
    }
    return pool.get(start) + " " + (used.size() + 1);
  }

  private static PlanCharacter character(String id, String name, CastMember m, String role, Gender g,
      String relation, String relatedTo, List<PlanCharacter> earlier, Random random) {
    if (m.animal()) {
      String coat = switch (m.species()) {
        case "cat" -> "a grey tabby cat with white paws";
        case "kitten" -> "a small ginger kitten";
        case "puppy" -> "a golden puppy with floppy ears";
        case "dog" -> "a brown and white spaniel";
        default -> Grammar.withArticle(m.species());
      };
      return new PlanCharacter(id, name, coat, m.species(), AgeGroup.UNSPECIFIED, Gender.UNSPECIFIED,
          relation, relatedTo, "", List.of(), m.species());
    }
    Wardrobe.Outfit outfit = m.clothing().isEmpty() ? Wardrobe.pick(role, m.age(), random)
        : new Wardrobe.Outfit(Grammar.withArticle(m.clothing()), colourWords(m.clothing()));
    List<String> hexes = outfit.colours().stream().map(Colours::hex).filter(h -> h != null).toList();
    String identity = identity(m, role, g, random);
    String related = relation.equals("colleague") ? ""
        : earlier.stream().filter(c -> c.id().equals(relatedTo)).map(c -> ", " + c.name() + "'s " + relation)
            .findFirst().orElse("");
    String description = identity + related + ", with " + hair(m.age(), g, random) + ", wearing " + outfit.words();
    return new PlanCharacter(id, name, description, role, m.age(), g, relation, relatedTo,
        outfit.words(), hexes, "");
  }

  /** "an old fisherman in his seventies", "a girl of about nine", "a barista in their twenties". */
  private static String identity(CastMember m, String role, Gender g, Random random) {
    String pronoun = g == Gender.FEMALE ? "her" : g == Gender.MALE ? "his" : "their";
    String noun = kinNoun(role, m.age(), g);
    String attrs = m.attributes().isEmpty() ? "" : m.attributes() + " ";
    return switch (m.age()) {
      case CHILD -> Grammar.withArticle(attrs + noun) + " of about " + CHILD_AGES.get(random.nextInt(CHILD_AGES.size()));
      case TEEN -> Grammar.withArticle(attrs + noun) + " of about sixteen";
      case YOUNG_ADULT -> Grammar.withArticle(attrs + noun) + " in " + pronoun + " twenties";
      case OLDER -> Grammar.withArticle((attrs.contains("old") ? attrs : "old " + attrs) + noun)
          + " in " + pronoun + " seventies";
      default -> Grammar.withArticle(attrs + noun) + " in " + pronoun + " forties";
    };
  }

  private static String hair(AgeGroup age, Gender g, Random random) {
    if (age == AgeGroup.OLDER) {
      return g == Gender.MALE ? "a weathered face and a white beard" : "silver hair and a weathered face";
    }
    return HAIR.get(random.nextInt(HAIR.size()));
  }

  private static List<String> colourWords(String clothing) {
    List<String> out = new ArrayList<>();
    for (String w : clothing.split("\\s+")) {
      if (Colours.hex(w) != null) {
        out.add(w);
      }
    }
    return out;
  }

  /** Role nouns for figures: kin words become the person ("granddaughter" → "girl"). */
  static String kinNoun(String role, AgeGroup age, Gender g) {
    String head = role.substring(role.lastIndexOf(' ') + 1);
    boolean kin = Set.of("granddaughter", "grandson", "grandchild", "daughter", "son", "grandfather",
        "grandpa", "grandmother", "grandma", "granny", "mother", "mum", "mom", "father", "dad", "wife",
        "husband", "sister", "brother", "partner", "friend", "colleague", "parent", "grandparent",
        "kid", "child", "person").contains(head);
    if (!kin) {
      return role;
    }
    return switch (age) {
      case CHILD -> g == Gender.FEMALE ? "girl" : g == Gender.MALE ? "boy" : "child";
      case TEEN -> g == Gender.FEMALE ? "teenage girl" : g == Gender.MALE ? "teenage boy" : "teenager";
      default -> g == Gender.FEMALE ? "woman" : g == Gender.MALE ? "man" : "person";
    };
  }
}
