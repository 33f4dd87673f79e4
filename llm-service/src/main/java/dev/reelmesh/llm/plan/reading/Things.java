package dev.reelmesh.llm.plan.reading;

import static dev.reelmesh.llm.plan.reading.SubjectKind.*;

import java.util.HashMap;
import java.util.Map;

/** Noun → what sort of thing it is, so the subject gets a pictogram family (else OBJECT). */
public final class Things {
  private static final Map<String, SubjectKind> NOUNS = new HashMap<>();

  static {
    put(FOOD, "pasta", "bread", "cake", "cookie", "pancake", "salad", "soup", "pizza", "burger",
        "sandwich", "croissant", "fruit", "apple", "tomato", "food", "street food", "dish", "meal",
        "noodles", "rice", "sushi", "chocolate", "ice cream", "dessert", "taco", "cheese", "egg",
        "honey", "donut", "doughnut", "pie", "steak", "curry", "dumpling", "snack", "recipe");
    put(DRINK, "latte", "coffee", "espresso", "cappuccino", "tea", "juice", "smoothie", "wine",
        "beer", "cocktail", "water", "lemonade", "milk", "matcha", "soda", "drink");
    put(ANIMAL, "cat", "kitten", "dog", "puppy", "hummingbird", "bird", "horse", "fox", "owl",
        "rabbit", "bear", "deer", "fish", "whale", "dolphin", "turtle", "butterfly", "bee",
        "parrot", "penguin", "lion", "tiger", "elephant", "cow", "sheep", "goat", "chicken", "duck",
        "squirrel", "hamster", "frog", "seagull", "gull", "eagle", "wolf", "pony", "octopus");
    put(VEHICLE, "car", "truck", "pickup", "pickup truck", "bicycle", "bike", "motorbike",
        "motorcycle", "scooter", "van", "bus", "train", "tram", "tuk-tuk", "boat", "sailboat",
        "yacht", "ship", "plane", "airplane", "rocket", "spaceship", "kayak", "canoe", "suv",
        "skateboard", "paper boat", "tractor", "helicopter", "drone", "taxi");
    put(PLACE, "shop", "store", "café", "cafe", "bakery", "restaurant", "bar", "flat", "apartment",
        "house", "home", "hotel", "city", "market", "studio", "workshop", "office", "gym", "salon",
        "start-up", "startup", "company", "business", "school", "museum", "gallery");
    put(APP, "app", "software", "saas", "website", "platform", "podcast", "game", "tool",
        "dashboard", "api", "service", "newsletter", "channel", "plugin", "extension");
    put(NATURE, "wave", "waves", "tree", "forest", "mountain", "river", "lake", "sea", "ocean",
        "sky", "cloud", "sunset", "sunrise", "flower", "garden", "waterfall", "desert", "storm",
        "snow", "rain", "leaf", "leaves", "field", "meadow", "lighthouse", "planet", "moon", "star");
    put(EVENT, "party", "wedding", "birthday", "birthday party", "festival", "concert", "launch",
        "conference", "celebration", "ceremony", "match", "race", "graduation");
  }

  private Things() {}

  private static void put(SubjectKind kind, String... nouns) {
    for (String n : nouns) {
      NOUNS.put(n, kind);
    }
  }

  /** The kind of a single noun, or null when the lexicon does not know it. */
  public static SubjectKind of(String noun) {
    return NOUNS.get(Grammar.singular(noun));
  }

  static SubjectKind kind(String phrase, String head) {
    SubjectKind k = NOUNS.get(Grammar.lower(phrase));
    if (k == null) {
      k = NOUNS.get(Grammar.singular(head));
    }
    if (k == null && People.of(head) != null) {
      k = PERSON;
    }
    return k == null ? OBJECT : k;
  }
}
