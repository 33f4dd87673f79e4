package dev.reelmesh.llm.plan;

import dev.reelmesh.llm.plan.reading.AgeGroup;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** What a character wears, by role or age, as words and as the colours the painter fills with. */
final class Wardrobe {
  /** An outfit: words and the colour words in them, top garment first. */
  record Outfit(String words, List<String> colours) {}

  private static final Map<String, Outfit> ROLES = Map.ofEntries(
      Map.entry("fisherman", fit("a yellow oilskin jacket over a navy wool jumper", "yellow", "navy")),
      Map.entry("fisher", fit("a yellow oilskin jacket over a navy wool jumper", "yellow", "navy")),
      Map.entry("sailor", fit("a navy striped top and a red neckerchief", "navy", "red")),
      Map.entry("barista", fit("a black apron over a white linen shirt", "black", "white")),
      Map.entry("chef", fit("a white chef's jacket and a navy apron", "white", "navy")),
      Map.entry("cook", fit("a white shirt and a striped blue apron", "white", "blue")),
      Map.entry("baker", fit("a flour-dusted white apron over a beige shirt", "white", "beige")),
      Map.entry("astronaut", fit("a white spacesuit with an orange mission patch", "white", "orange")),
      Map.entry("commuter", fit("a charcoal wool coat and a grey scarf", "charcoal", "grey")),
      Map.entry("biker", fit("a green riding jersey and a black helmet", "green", "black")),
      Map.entry("cyclist", fit("a blue cycling jersey and a white helmet", "blue", "white")),
      Map.entry("runner", fit("an orange running top and black shorts", "orange", "black")),
      Map.entry("engineer", fit("a grey lab coat over a blue shirt", "silver", "blue")),
      Map.entry("scientist", fit("a white lab coat over a teal jumper", "white", "teal")),
      Map.entry("student", fit("a mustard hoodie and jeans", "amber", "blue")),
      Map.entry("mechanic", fit("navy overalls with rolled sleeves", "navy", "grey")),
      Map.entry("doctor", fit("a white coat over blue scrubs", "white", "blue")),
      Map.entry("farmer", fit("a checked flannel shirt and brown boots", "red", "brown")),
      Map.entry("developer", fit("a grey hoodie over a black T-shirt", "grey", "black")),
      Map.entry("bride", fit("an ivory lace dress", "cream", "white")),
      Map.entry("groom", fit("a navy suit with an open collar", "navy", "white")));
  private static final List<Outfit> CHILD = List.of(
      fit("a red raincoat and green rubber boots", "red", "green"),
      fit("a yellow dress and white sneakers", "yellow", "white"),
      fit("blue dungarees over a striped top", "blue", "white"),
      fit("an orange hoodie and jeans", "orange", "blue"));
  private static final List<Outfit> ADULT = List.of(
      fit("a charcoal knit sweater", "charcoal", "grey"),
      fit("a denim jacket over a white T-shirt", "blue", "white"),
      fit("a mustard linen shirt", "amber", "tan"),
      fit("a navy overshirt and beige trousers", "navy", "beige"),
      fit("a cream linen dress", "cream", "tan"),
      fit("a burgundy cardigan", "burgundy", "cream"));
  private static final List<Outfit> OLDER = List.of(
      fit("a grey cardigan and a flat cap", "grey", "brown"),
      fit("a navy fleece and corduroy trousers", "navy", "brown"));

  private Wardrobe() {}

  private static Outfit fit(String words, String... colours) {
    return new Outfit(words, List.of(colours));
  }

  static Outfit pick(String role, AgeGroup age, Random random) {
    String head = role.substring(role.lastIndexOf(' ') + 1);
    if (ROLES.containsKey(head)) {
      return ROLES.get(head);
    }
    List<Outfit> list = age == AgeGroup.CHILD || age == AgeGroup.TEEN ? CHILD
        : age == AgeGroup.OLDER ? OLDER : ADULT;
    return list.get(random.nextInt(list.size()));
  }
}
