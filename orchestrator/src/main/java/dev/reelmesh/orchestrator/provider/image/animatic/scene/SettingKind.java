package dev.reelmesh.orchestrator.provider.image.animatic.scene;

import java.util.List;

/**
 * The kind of place a frame shows; each has its own backdrop. Keywords are the words briefs use
 * for it, matched against single words (plural "s" removed).
 */
public enum SettingKind {
  KITCHEN(true, "kitchen", "pantry", "stove", "recipe", "cook", "cooking", "bakery"),
  CAFE(true, "cafe", "café", "coffeehouse", "coffeeshop", "bar", "restaurant", "diner", "bistro"),
  SHOP(true, "shop", "store", "boutique", "showroom", "workshop", "garage", "salon", "supermarket"),
  OFFICE(true, "office", "desk", "workplace", "coworking", "meeting", "startup", "classroom",
      "library"),
  LAB(true, "lab", "laboratory", "factory", "robotics"),
  TRAIN(true, "train", "subway", "metro", "tram", "carriage", "bus"),
  ROOM(true, "room", "flat", "apartment", "bedroom", "living", "home", "house", "studio",
      "bathroom", "balcony", "party", "hallway", "loft"),
  STREET(false, "street", "city", "town", "road", "avenue", "alley", "downtown", "square",
      "sidewalk", "crossing"),
  MARKET(false, "market", "bazaar", "stall", "fair", "festival"),
  HARBOUR(false, "harbour", "harbor", "port", "pier", "dock", "marina", "quay", "wharf"),
  BEACH(false, "beach", "shore", "seaside", "coast", "sand", "dune", "bay"),
  SEA(false, "sea", "ocean", "wave", "lake", "river", "pond", "puddle", "waterfall"),
  FOREST(false, "forest", "wood", "woods", "jungle", "trail", "grove", "woodland"),
  PARK(false, "park", "garden", "meadow", "field", "lawn", "playground", "backyard", "yard",
      "feeder"),
  VINEYARD(false, "vineyard", "orchard", "farm", "farmland", "countryside", "village"),
  MOUNTAIN(false, "mountain", "hill", "valley", "peak", "cliff", "canyon", "alps", "summit"),
  DESERT(false, "desert", "riverbed", "savanna", "wasteland", "dry"),
  SPACE(false, "space", "planet", "moon", "orbit", "galaxy", "mars", "station"),
  SKY(false, "sky", "cloud", "air", "flight", "rooftop");

  private final boolean indoor;
  private final List<String> keywords;

  SettingKind(boolean indoor, String... keywords) {
    this.indoor = indoor;
    this.keywords = List.of(keywords);
  }

  public boolean indoor() {
    return indoor;
  }

  public List<String> keywords() {
    return keywords;
  }

  /** The kind a single (singular, lower-case) word names, or null. */
  public static SettingKind of(String word) {
    for (SettingKind kind : values()) {
      if (kind.keywords.contains(word)) {
        return kind;
      }
    }
    return null;
  }
}
