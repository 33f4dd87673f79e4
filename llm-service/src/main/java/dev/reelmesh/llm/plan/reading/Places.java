package dev.reelmesh.llm.plan.reading;

import static dev.reelmesh.llm.plan.reading.LocationKind.*;

import java.util.HashMap;
import java.util.Map;

/**
 * Place nouns → backdrop kind, and the setting a subject implies when a brief names none (a
 * recipe happens in a kitchen). A bicycle implies a street, not a park: it is ridden in town.
 */
final class Places {
  static final Map<String, LocationKind> NOUNS = new HashMap<>();
  static final Map<String, LocationKind> IMPLIED = new HashMap<>();

  static {
    put(NOUNS, KITCHEN, "kitchen", "kitchenette", "stove", "countertop", "worktop");
    put(NOUNS, ROOM, "room", "living room", "bedroom", "flat", "apartment", "home", "house", "lounge",
        "desk", "bathroom", "nursery", "hallway", "attic", "loft", "sofa", "couch", "windowsill",
        "fireplace", "dorm", "classroom", "library", "bed");
    put(NOUNS, OFFICE, "office", "coworking", "boardroom", "cubicle", "meeting room", "headquarters");
    put(NOUNS, SHOP_INTERIOR, "shop", "store", "café", "cafe", "coffee shop", "bakery", "bar", "pub",
        "restaurant", "diner", "salon", "boutique", "workshop", "showroom", "bookshop", "bookstore",
        "pharmacy", "gallery", "counter", "garage", "brewery", "bistro", "deli", "supermarket");
    put(NOUNS, STREET, "street", "city", "town", "alley", "market", "pavement", "sidewalk", "puddle",
        "crossing", "plaza", "downtown", "neighbourhood", "neighborhood", "village", "square",
        "rooftop", "bridge", "station", "skyline", "avenue", "lane", "courtyard");
    put(NOUNS, ROAD, "road", "highway", "motorway", "freeway", "roadside");
    put(NOUNS, PARK, "park", "garden", "playground", "backyard", "lawn", "greenhouse", "feeder");
    put(NOUNS, FOREST, "forest", "woods", "woodland", "jungle", "trail", "rainforest", "grove");
    put(NOUNS, MOUNTAIN, "mountain", "peak", "summit", "hill", "cliff", "valley", "glacier", "ridge");
    put(NOUNS, COUNTRYSIDE, "field", "meadow", "vineyard", "farm", "countryside", "riverbed",
        "orchard", "savanna", "prairie", "ranch", "village green", "farmland");
    put(NOUNS, DESERT, "desert", "dune", "dunes", "planet", "canyon", "wasteland", "oasis");
    put(NOUNS, BEACH, "beach", "shore", "coast", "bay", "seaside", "sand");
    put(NOUNS, SEA, "sea", "ocean", "waves", "wave", "lighthouse", "reef", "deck", "seascape");
    put(NOUNS, HARBOUR, "harbour", "harbor", "port", "pier", "dock", "marina", "quay", "wharf", "jetty");
    put(NOUNS, LAKE, "lake", "river", "pond", "stream", "canal", "riverbank", "waterfall", "lakeside");
    put(NOUNS, SKY, "sky", "clouds", "cloud", "air", "skies");
    put(NOUNS, SPACE, "space", "orbit", "galaxy", "space station", "moon", "cosmos");
    put(NOUNS, LAB, "lab", "laboratory", "factory", "warehouse", "assembly line", "server room");
    put(NOUNS, STUDIO, "studio", "stage", "gym", "set", "theatre", "theater", "arena", "stadium");
    put(NOUNS, VEHICLE_INTERIOR, "train", "bus", "tram", "subway", "metro", "carriage", "plane",
        "cabin", "cockpit", "taxi");
    put(IMPLIED, KITCHEN, "mug", "cup", "kettle", "teapot", "pan", "pot", "knife", "oven", "blender",
        "toaster", "pasta", "recipe", "bread", "soup", "cake", "cookie", "pancake", "salad", "tea",
        "espresso", "food", "dish", "meal", "tomato", "spice", "sauce", "glass");
    put(IMPLIED, SHOP_INTERIOR, "latte", "cappuccino", "coffee", "croissant", "haircut", "bicycle repair");
    put(IMPLIED, STREET, "bicycle", "bike", "scooter", "sneaker", "shoe", "umbrella", "headphones",
        "tuk-tuk", "lantern", "street food", "boat");
    put(IMPLIED, ROAD, "car", "truck", "pickup", "pickup truck", "motorbike", "motorcycle", "van", "suv");
    put(IMPLIED, OFFICE, "app", "software", "saas", "laptop", "dashboard", "api", "website", "platform",
        "start-up", "startup", "spreadsheet", "computer");
    put(IMPLIED, STUDIO, "podcast", "microphone", "perfume", "lipstick", "serum", "watch", "camera",
        "jewellery", "ring", "necklace", "bottle");
    put(IMPLIED, ROOM, "party", "birthday", "sofa", "lamp", "chair", "pillow", "blanket", "candle",
        "cat", "kitten", "dog", "puppy", "book", "plant");
    put(IMPLIED, PARK, "hummingbird", "bird", "bee", "butterfly", "flower", "flowers", "tree", "squirrel");
    put(IMPLIED, SEA, "surfboard", "whale", "dolphin", "sailboat", "yacht", "ship");
    put(IMPLIED, SKY, "kite", "balloon", "drone", "airplane", "eagle");
    put(IMPLIED, SPACE, "rocket", "satellite", "spaceship");
    put(IMPLIED, LAB, "robot", "robot arm", "robotics", "microscope");
    put(IMPLIED, FOREST, "tent", "hiking", "mountain bike");
  }

  private Places() {}

  private static void put(Map<String, LocationKind> map, LocationKind kind, String... nouns) {
    for (String n : nouns) {
      map.put(n, kind);
    }
  }

  /** The kind a noun names, trying the phrase ("coffee shop"), then its head, singular. */
  static LocationKind kind(String phrase, String head) {
    LocationKind k = NOUNS.get(Grammar.lower(phrase));
    if (k == null) {
      k = NOUNS.get(Grammar.lower(head));
    }
    if (k == null) {
      k = NOUNS.get(Grammar.singular(head));
    }
    return k;
  }

  static LocationKind implied(String phrase, String head) {
    LocationKind k = IMPLIED.get(Grammar.lower(phrase));
    if (k == null) {
      k = IMPLIED.get(Grammar.singular(head));
    }
    return k;
  }
}
