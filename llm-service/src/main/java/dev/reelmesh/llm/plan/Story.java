package dev.reelmesh.llm.plan;

import dev.reelmesh.llm.plan.reading.BriefReading;
import dev.reelmesh.llm.plan.reading.Colours;
import dev.reelmesh.llm.plan.reading.Grammar;
import dev.reelmesh.llm.plan.reading.SubjectKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The brief's content as the slots shot and narration templates fill: the subject in its forms
 * ("the paper boat", "a paper boat", "the boat"), who acts and how the verb agrees, the setting,
 * the hour, props and the characters' names.
 */
final class Story {
  private static final Set<String> ADJECTIVES = Set.of("fresh", "bright", "perfect", "lone", "small",
      "old", "new", "dry", "electric", "noise-cancelling", "ceramic", "wooden", "paper", "glass",
      "steel", "leather", "cotton", "wool", "linen", "handmade", "vintage", "tiny", "big", "soft",
      "warm", "cold", "quiet", "crowded", "rainy", "cosy", "cozy", "sleek", "compact", "light",
      "heavy", "smart", "organic", "local", "cast-iron", "golden", "silver", "crisp", "juicy");

  /** Nouns that take no article ("steam rising", "street food"). */
  private static final Set<String> MASS = Set.of("steam", "water", "food", "rice", "bread", "coffee",
      "pasta", "light", "fog", "rain", "smoke", "sand", "snow", "grass", "spending", "music", "tea", "milk");
  private static final Set<String> SURFACES = Set.of("ceramic", "wooden", "paper", "glass", "steel",
      "leather", "cotton", "wool", "linen", "cast-iron", "copper", "marble", "stone", "plastic", "metal");
  /** Prepositions that place something still ("on a desk"), unlike paths ("to a lake"). */
  private static final Set<String> STATIC_PREPS = Set.of("on", "in", "at", "under", "by", "near", "beside", "inside");

  final BriefReading reading;
  final boolean subjectIsSetting;
  final List<PlanCharacter> cast;
  final boolean peopleAct;
  final Map<String, String> slots = new HashMap<>();

  Story(BriefReading r, List<PlanCharacter> cast) {
    this.reading = r;
    this.cast = List.copyOf(cast);
    String subjectText = r.subject().isEmpty() ? r.product() : r.subject();
    boolean proper = !subjectText.isEmpty() && Character.isUpperCase(subjectText.charAt(0));
    String noun = r.subjectNoun().isEmpty() ? subjectText : r.subjectNoun();
    String lastWord = subjectText.isEmpty() ? "" : subjectText.substring(subjectText.lastIndexOf(' ') + 1);
    put("S", subjectText.isEmpty() ? "" : proper ? subjectText : "the " + subjectText);
    put("Sa", subjectText.isEmpty() ? "" : proper ? subjectText : withArticle(subjectText));
    put("Sn", subjectText.isEmpty() ? "" : proper ? subjectText : "the " + lastWord);
    put("noun", noun);
    boolean person = r.subjectKind() == SubjectKind.PERSON;
    put("It", r.subjectPlural() || person ? "they" : "it");
    put("them", r.subjectPlural() || person ? "them" : "it");
    put("is", r.subjectPlural() ? "are" : "is");
    put("this", r.subjectPlural() ? "these" : "this");
    put("K", attributes(r.subjectAttributes()));
    put("Ksurf", join(r.subjectAttributes().stream().filter(a -> SURFACES.contains(a) || Colours.hex(a) != null).toList()));
    subjectIsSetting = !subjectText.isEmpty() && subjectText.equals(r.setting().name());
    List<String> names = cast.stream().filter(c -> c.species().isEmpty()).map(PlanCharacter::name).toList();
    List<String> everyone = cast.stream().map(PlanCharacter::name).toList();
    // People act when the subject is them (or their pet), or when the action is done to it
    // ("making a perfect latte"); otherwise the subject acts ("a paper boat drifting").
    boolean actsOnSubject = !noun.isEmpty() && r.action().toLowerCase().contains(noun.toLowerCase());
    peopleAct = !everyone.isEmpty() && (r.subjectKind() == SubjectKind.PERSON || actsOnSubject
        || cast.stream().anyMatch(c -> c.species().equals(noun)));
    String actor = peopleAct ? join(everyone.subList(0, Math.min(3, everyone.size()))) : slots.get("S");
    boolean actorPlural = peopleAct ? everyone.size() > 1 : r.subjectPlural();
    put("X", actor);
    put("Xs", peopleAct ? everyone.get(0) + (everyone.size() > 1 ? " and " + everyone.get(1) : "") : slots.get("Sn"));
    put("A", r.action());
    put("Af", Grammar.finite(r.action(), actorPlural));
    put("Ab", Grammar.finite(r.action(), true));
    String core = core(r.action());
    put("Afc", core.equals(r.action()) ? "" : Grammar.finite(core, peopleAct ? everyone.size() > 1 : r.subjectPlural()));
    String anchorAtEnd = r.setting().anchor();
    put("Ac", !anchorAtEnd.isEmpty() && anchorAtEnd.endsWith(r.setting().name()) && r.action().endsWith(" " + anchorAtEnd)
        ? r.action().substring(0, r.action().length() - anchorAtEnd.length() - 1) : r.action());
    String setting = r.setting().name();
    put("L", setting.isEmpty() ? "" : "the " + setting);
    put("La", setting.isEmpty() ? "" : Grammar.withArticle(setting));
    String anchor = r.setting().anchor();
    put("anchor", anchor.isEmpty() || !STATIC_PREPS.contains(anchor.split(" ")[0]) ? "" : anchor);
    put("Lindoor", setting.isEmpty() || !r.setting().kind().indoor() ? "" : "the " + setting);
    put("inL", setting.isEmpty() ? "" : placePrep(r.setting().kind()) + " the " + setting);
    put("P", r.setting().placeName());
    put("Pin", r.setting().placeName().isEmpty() ? "" : "in " + r.setting().placeName());
    put("T", time(r));
    put("F", r.setting().features().isEmpty() ? "" : withArticle(r.setting().features().get(0)));
    put("C", join(everyone));
    put("C1", everyone.isEmpty() ? "" : everyone.get(0));
    put("C2", everyone.size() > 1 ? everyone.get(1) : "");
    put("rel", cast.size() > 1 && !cast.get(1).relation().isEmpty() && !cast.get(1).relation().equals("colleague")
        ? cast.get(1).relation() : "");
    put("pron", cast.isEmpty() ? "their" : !cast.get(0).species().isEmpty() ? "its" : switch (cast.get(0).gender()) {
      case FEMALE -> "her";
      case MALE -> "his";
      default -> "their";
    });
    put("hands", !cast.isEmpty() && !cast.get(0).species().isEmpty() ? "paws" : "hands");
    put("veteran", !cast.isEmpty() && cast.get(0).age() == dev.reelmesh.llm.plan.reading.AgeGroup.OLDER
        ? cast.get(0).name() : "");
    String pace = Set.of("energetic", "epic", "bold", "comic").contains(r.mood()) ? "quickly"
        : Set.of("calm", "serene", "peaceful", "cosy", "romantic", "dreamy", "tender").contains(r.mood()) ? "slowly" : "";
    put("Pace", pace);
    String firstProp = r.props().isEmpty() ? "" : withArticle(r.props().get(0));
    boolean thing = !person && r.subjectKind() != SubjectKind.EVENT && !subjectIsSetting;
    put("gaze", thing ? slots.get("Sn") : everyone.size() > 1 ? everyone.get(1) : firstProp.isEmpty() ? "the horizon" : "the " + r.props().get(0));
    // Detail shots take the last prop, prop shots start from the first: both get seen.
    String lastProp = r.props().isEmpty() ? "" : withArticle(r.props().get(r.props().size() - 1));
    String d = detail(r, person, lastProp, cast);
    put("D", d);
    put("Dit", Grammar.isPlural(d.substring(d.lastIndexOf(' ') + 1)) ? "them" : "it");
    put("people", names.isEmpty() ? "" : join(names));
    put("B", r.brand());
    put("Q", r.product().isEmpty() ? "" : Character.isUpperCase(r.product().charAt(0)) ? r.product() : "the " + r.product());
    put("BS", !r.brand().isEmpty() ? r.brand() : slots.get("S"));
    put("Qother", r.product().isEmpty() || r.product().equals(subjectText) || r.product().equals(r.brand())
        ? "" : slots.get("Q"));
    put("M", r.mood());
    put("side", r.sideActions().isEmpty() ? "" : Grammar.finite(r.sideActions().get(0).replaceFirst("^\\S+\\s", ""), false));
    put("sideActor", r.sideActions().isEmpty() ? "" : r.sideActions().get(0).split(" ")[0]);
    List<String> props = new ArrayList<>();
    r.props().forEach(p -> props.add(withArticle(p)));
    for (int i = 0; i < props.size(); i++) {
      put("R" + i, props.get(i));
    }
    put("R", props.isEmpty() ? "" : props.get(0));
    put("there", props.isEmpty() ? "" : there(r.props().get(0)));
    put("colour", r.colours().isEmpty() ? "" : r.colours().get(0).name());
  }

  /** A copy of the slots with {R} set to prop {@code k} (props cycle through PROP beats). */
  Map<String, String> withProp(int k) {
    Map<String, String> s = new HashMap<>(slots);
    List<String> props = reading.props();
    if (!props.isEmpty()) {
      String prop = props.get(k % props.size());
      s.put("R", withArticle(prop));
      s.put("there", there(prop));
    }
    return s;
  }

  private void put(String k, String v) {
    slots.put(k, v == null ? "" : v);
  }

  /** The action up to its path, for titles ("mending nets"). */
  String actionCore() {
    return core(reading.action());
  }

  static String join(List<String> names) {
    if (names.isEmpty()) {
      return "";
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }

  static String withArticle(String phrase) {
    String head = phrase.substring(phrase.lastIndexOf(' ') + 1);
    return Grammar.isPlural(head) || MASS.contains(head) ? phrase : Grammar.withArticle(phrase);
  }

  private static String there(String prop) {
    String head = prop.substring(prop.lastIndexOf(' ') + 1);
    return Grammar.isPlural(head) ? "There are" : "There's";
  }

  /** The action up to its path ("towing a sailboat" of "towing a sailboat to a lake"). */
  private static String core(String action) {
    String[] w = action.split(" ");
    for (int i = 1; i < w.length; i++) {
      if (Set.of("on", "across", "down", "along", "through", "over", "off", "to", "towards", "into",
          "onto", "under", "around", "past", "up", "at", "from", "by", "near").contains(w[i])) {
        return String.join(" ", java.util.Arrays.copyOf(w, i));
      }
    }
    return action;
  }

  private static String placePrep(dev.reelmesh.llm.plan.reading.LocationKind kind) {
    return switch (kind) {
      case STREET, ROAD, BEACH, SEA, MOUNTAIN, TABLETOP -> "on";
      case HARBOUR -> "at";
      case LAKE -> "by";
      default -> "in";
    };
  }

  /** What a detail shot frames: the subject, or for people their gear, for places a feature. */
  private String detail(BriefReading r, boolean person, String firstProp, List<PlanCharacter> cast) {
    if (person && !cast.isEmpty() && !cast.get(0).clothing().isEmpty()) {
      return cast.get(0).name() + "'s " + cast.get(0).clothing().replaceFirst("^(a|an) ", "");
    }
    if (r.subjectKind() == SubjectKind.APP) {
      return slots.get("S") + " on a phone screen";
    }
    if (r.subjectKind() == SubjectKind.EVENT || subjectIsSetting) {
      String thing = r.subjectAttributes().stream().filter(a -> dev.reelmesh.llm.plan.reading.Things.of(a) != null)
          .findFirst().map(Story::withArticle).orElse("");
      return !firstProp.isEmpty() ? firstProp : !thing.isEmpty() ? thing
          : !r.setting().features().isEmpty() ? "the " + r.setting().features().get(0) : "";
    }
    return slots.get("S");
  }

  private static String attributes(List<String> attrs) {
    List<String> adj = attrs.stream().filter(a -> ADJECTIVES.contains(a) || Colours.hex(a) != null
        || a.matches(".*(?:ful|ous|ic|al|less|y)") && !a.endsWith("ing")).toList();
    return join(adj);
  }

  private static String time(BriefReading r) {
    String t = r.timeOfDay();
    String season = r.season().isEmpty() ? "" : r.season() + " ";
    return switch (t) {
      case "" -> r.season().isEmpty() ? "" : "in " + r.season();
      case "morning", "afternoon", "evening" -> season.isEmpty() ? "in the " + t : "on a " + season + t;
      case "golden hour" -> "at golden hour";
      default -> "at " + t;
    };
  }
}
