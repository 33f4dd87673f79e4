package dev.reelmesh.llm.plan.reading;

import java.util.Locale;
import java.util.Set;

/**
 * The closed word classes and the few inflections the planner needs: it reads briefs by word
 * class (determiner, preposition, conjunction, verb) and writes sentences that agree in number.
 */
public final class Grammar {
  static final Set<String> DETERMINERS = Set.of("a", "an", "the", "our", "my", "your", "his", "her",
      "their", "its", "this", "that", "these", "those", "some", "one", "two", "three", "four", "few",
      "several", "many", "every", "each", "any", "no");
  static final Set<String> POSSESSIVES = Set.of("his", "her", "their", "its", "our", "my", "your");
  static final Set<String> PREPOSITIONS = Set.of("in", "on", "at", "under", "across", "along",
      "through", "over", "overlooking", "by", "near", "with", "of", "for", "from", "to", "towards",
      "toward", "into", "onto", "off", "down", "up", "after", "before", "during", "inside",
      "outside", "around", "behind", "beside", "between", "against", "about", "without", "among",
      "past", "beneath", "above", "below", "beyond", "within", "upon", "amid", "via", "like");
  /** Prepositions that place something, so the noun after them may be the setting. */
  static final Set<String> LOCATIVE = Set.of("in", "on", "at", "under", "across", "along",
      "through", "over", "overlooking", "by", "near", "into", "onto", "off", "down", "up", "to",
      "towards", "toward", "inside", "around", "behind", "beside", "beneath", "above", "below",
      "within", "amid", "past");
  static final Set<String> CONJUNCTIONS = Set.of("and", "or", "but", "while", "as", "then", "how",
      "who", "which", "where", "when", "whose", "so", "&", "plus", "nor", "yet", "than", "why", "what");
  /** -ing words that are nouns or adjectives, not actions. */
  private static final Set<String> ING_NOUNS = Set.of("morning", "evening", "building", "wedding",
      "ceiling", "clothing", "spring", "string", "ring", "king", "thing", "something", "nothing",
      "everything", "anything", "wing", "sibling", "pudding", "painting", "ending", "opening",
      "lighting", "spending", "timing", "setting", "feeling", "meeting", "landing", "parking",
      "housing", "bedding", "icing", "frosting", "filling", "topping", "stuffing", "seasoning",
      "dumpling", "sling", "swing", "sing", "bring", "sting", "darling", "duckling", "seedling",
      "sapling", "offering", "awning", "railing", "crossing", "clearing", "dwelling", "shopping",
      "noise-cancelling", "cancelling", "hiking", "camping", "fishing", "sailing", "skiing",
      "cycling", "running", "boxing", "baking", "cooking", "knitting", "gardening", "learning",
      "banking", "marketing", "budgeting", "tracking", "recruiting", "dining", "tasting", "cling");
  /** Finite verbs common in briefs ("how our app helps students"). */
  private static final Set<String> FINITE = Set.of("helps", "help", "uses", "makes", "turns",
      "lets", "brings", "keeps", "shows", "takes", "gives", "meets", "finds", "saves", "tracks",
      "track", "learns", "learn", "plays", "works", "becomes", "gets", "goes", "comes", "runs",
      "walks", "drinks", "eats", "opens", "builds", "fixes", "repairs", "cooks", "bakes", "pours",
      "rides", "drives", "flies", "swims", "dances", "sings", "reads", "writes", "sleeps",
      "wakes", "loves", "discovers", "explores", "visits", "chooses", "orders", "sells", "buys",
      "manage", "manages", "plan", "plans", "save", "find", "explore", "discover", "enjoy", "enjoys",
      "rising", "rises");

  private Grammar() {}

  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** True for "drifting", "mending", but not "morning" or "noise-cancelling". */
  public static boolean isIngVerb(String word) {
    String w = lower(word);
    return w.length() > 4 && w.endsWith("ing") && !w.contains("-") && !w.contains(" ")
        && !ING_NOUNS.contains(w);
  }

  static boolean isFiniteVerb(String word) {
    return FINITE.contains(lower(word)) && !isIngVerb(word);
  }

  /** "drifting" → "drift", "making" → "make", "running" → "run", "carrying" → "carry". */
  public static String stem(String ing) {
    String w = lower(ing);
    if (!w.endsWith("ing") || w.length() <= 4) {
      return w;
    }
    String s = w.substring(0, w.length() - 3);
    int n = s.length();
    if (n >= 3 && s.charAt(n - 1) == s.charAt(n - 2) && "bdgmnprt".indexOf(s.charAt(n - 1)) >= 0) {
      return s.substring(0, n - 1); // runn → run, sitt → sit
    }
    boolean silentE = s.matches("[aeiou][bcdgkmnpstvz]") // us → use
        || syllables(s) == 1 && s.matches(".*[^aeiou][aeiou][bcdgklmnpstvz]") // mak → make, rid → ride
        || s.matches(".*(?:nc|rc|rg|dg|lv|rv|ls|rs|ns|v|[aeiou]z|com|(?:ch|rr)ang|(?:ai|au|ea|oo|ou)s)")
        || n > 4 && s.matches(".*[^aeiou]at"); // danc → dance, mov → move, celebrat → celebrate
    return silentE ? s + "e" : s;
  }

  private static int syllables(String s) {
    return s.replaceAll("[^aeiouy]+", " ").strip().split(" ").length;
  }

  /** Third person singular of a base form: "drift" → "drifts", "carry" → "carries". */
  public static String thirdPerson(String base) {
    if (base.equals("be")) {
      return "is";
    }
    if (base.equals("have")) {
      return "has";
    }
    if (base.matches(".*(?:s|sh|ch|x|z|o)")) {
      return base + "es";
    }
    if (base.matches(".*[^aeiou]y")) {
      return base.substring(0, base.length() - 1) + "ies";
    }
    return base + "s";
  }

  /** An -ing phrase made finite for a subject: "drifting on a puddle" → "drifts on a puddle". */
  public static String finite(String ingPhrase, boolean plural) {
    if (ingPhrase.isBlank()) {
      return ingPhrase;
    }
    String[] words = ingPhrase.strip().split("\\s+", 2);
    String base = isIngVerb(words[0]) ? stem(words[0]) : lower(words[0]);
    String verb = plural ? base : thirdPerson(base);
    return words.length == 1 ? verb : verb + " " + words[1];
  }

  /** "a" or "an" before {@code word}, by its sound's first letter. */
  public static String article(String phrase) {
    String w = lower(phrase.strip());
    if (w.isEmpty()) {
      return "a";
    }
    boolean vowel = "aeiou".indexOf(w.charAt(0)) >= 0 && !w.startsWith("uni") && !w.startsWith("use")
        && !w.startsWith("one") && !w.startsWith("eu") || w.startsWith("hour") || w.startsWith("honest");
    return vowel ? "an" : "a";
  }

  public static String withArticle(String phrase) {
    return article(phrase) + " " + phrase;
  }

  /** Plural nouns by spelling, minus the singular -s words briefs use. */
  public static boolean isPlural(String noun) {
    String w = lower(noun);
    if (Set.of("glass", "grass", "bus", "class", "canvas", "lens", "gas", "chess", "news", "dress",
        "moss", "compass", "cactus", "octopus", "press", "process", "business", "boss", "mass",
        "campus", "circus", "walrus", "iris", "bonus", "virus", "status", "lotus", "harness",
        "mattress", "address", "fitness", "wellness", "success", "access").contains(w)) {
      return false;
    }
    return w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")
        || Set.of("people", "children", "men", "women", "geese", "mice", "feet", "teeth", "sheep",
            "fish", "deer", "kids'").contains(w);
  }

  /** "waves" → "wave", "tuk-tuks" → "tuk-tuk", "berries" → "berry", "children" → "child". */
  public static String singular(String noun) {
    String w = lower(noun);
    return switch (w) {
      case "people" -> "person";
      case "children" -> "child";
      case "men" -> "man";
      case "women" -> "woman";
      case "mice" -> "mouse";
      case "geese" -> "goose";
      case "feet" -> "foot";
      case "teeth" -> "tooth";
      case "headphones", "earphones", "glasses", "sunglasses", "jeans", "trousers", "scissors" -> w;
      default -> !isPlural(w) ? w
          : w.endsWith("ies") && w.length() > 4 ? w.substring(0, w.length() - 3) + "y"
          : w.matches(".*(?:ches|shes|xes|sses|oes)") ? w.substring(0, w.length() - 2)
          : w.endsWith("ves") && !w.endsWith("waves") && !w.endsWith("olives") ? w.substring(0, w.length() - 3) + "f"
          : w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
    };
  }

  public static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
