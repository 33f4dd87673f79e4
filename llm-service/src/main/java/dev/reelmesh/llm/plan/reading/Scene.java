package dev.reelmesh.llm.plan.reading;

import static dev.reelmesh.llm.plan.reading.Token.Type.*;

import dev.reelmesh.llm.plan.reading.Chunker.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The main clause of a brief: its lead phrase (who or what it shows first), the action that
 * follows in the same clause and that action's object; other clauses' actions ("steam rising").
 */
record Scene(Phrase lead, Phrase object, String action, List<String> sideActions) {
  /** Prepositions an action keeps one phrase of: "drifting on a puddle", "racing down a trail". */
  private static final Set<String> PATH = Set.of("on", "across", "down", "along", "through", "over",
      "off", "to", "towards", "toward", "into", "onto", "under", "around", "past", "up", "at", "from",
      "beneath", "above", "below", "by", "near", "beside", "behind");

  static Scene read(List<Item> items, List<Phrase> phrases) {
    Set<Integer> headers = headers(items, phrases);
    int segment = phrases.stream().filter(p -> !p.product() && !headers.contains(p.segment()))
        .mapToInt(Phrase::segment).findFirst()
        .orElse(phrases.stream().filter(p -> !p.product()).mapToInt(Phrase::segment).findFirst().orElse(-1));
    Phrase lead = phrases.stream().filter(p -> p.segment() == segment && p.prep().isEmpty()).findFirst()
        .orElse(phrases.stream().filter(p -> !p.product()).findFirst().orElse(phrases.isEmpty() ? null : phrases.get(0)));
    String action = "";
    Phrase object = null;
    List<String> side = new ArrayList<>();
    int leadAt = lead == null ? -1 : indexOf(items, lead);
    int consumedTo = -1;
    for (int i = 0; i < items.size(); i++) {
      if (!items.get(i).is(VERB) || i <= consumedTo) {
        continue;
      }
      Phrase actor = actorBefore(items, i);
      boolean main = lead != null && i > leadAt && actor != null && actor.clause() == lead.clause();
      List<Phrase> objects = new ArrayList<>();
      String text = phraseFrom(items, i, objects);
      if (main && action.isEmpty()) {
        action = text;
        consumedTo = i + text.split(" ").length;
        object = objects.isEmpty() ? null : objects.get(0);
      } else if (actor != null) {
        side.add(actor.text() + " " + text);
      }
    }
    return new Scene(lead, object, action, side);
  }

  /**
   * Segments that end in a colon or dash with content after them: "wedding save-the-date:",
   * "travel reel:". They frame the brief; the scene is what follows.
   */
  private static Set<Integer> headers(List<Item> items, List<Phrase> phrases) {
    Set<Integer> out = new java.util.HashSet<>();
    int segment = 0;
    int last = phrases.stream().mapToInt(Phrase::segment).max().orElse(0);
    for (Item it : items) {
      if (it.is(BREAK)) {
        if ((it.token().text().equals(":") || it.token().text().equals("—")) && segment < last) {
          out.add(segment);
        }
        segment++;
      }
    }
    return out;
  }

  private static int indexOf(List<Item> items, Phrase p) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).isPhrase() && items.get(i).phrase().position() == p.position()) {
        return i;
      }
    }
    return -1;
  }

  private static Phrase actorBefore(List<Item> items, int verb) {
    for (int i = verb - 1; i >= 0; i--) {
      Item it = items.get(i);
      if (it.isPhrase()) {
        return it.phrase();
      }
      if (it.is(BREAK)) {
        return null;
      }
    }
    return null;
  }

  /** The action from verb {@code at}: objects, then at most one path phrase; -ing form. */
  private static String phraseFrom(List<Item> items, int at, List<Phrase> objects) {
    List<String> words = new ArrayList<>(List.of(ing(items.get(at).token().text())));
    boolean path = false;
    for (int i = at + 1; i < items.size(); i++) {
      Item it = items.get(i);
      if (it.is(COMMA) || it.is(BREAK) || it.is(CONJ)) {
        break;
      }
      if (it.is(VERB)) {
        words.add(it.token().lower()); // "helps students track spending"
      } else if (it.is(PREP)) {
        String prep = it.token().lower();
        boolean phraseNext = i + 1 < items.size() && items.get(i + 1).isPhrase()
            && !items.get(i + 1).phrase().properName();
        if (path || !PATH.contains(prep) && !(prep.equals("of") && !words.isEmpty()) || !phraseNext) {
          break;
        }
        path = !prep.equals("of");
        words.add(prep);
      } else if (it.isPhrase()) {
        Phrase p = it.phrase();
        if (p.prep().isEmpty()) {
          objects.add(p);
        }
        words.add(p.det().isEmpty() ? p.text() : p.det() + " " + p.text());
      }
    }
    return String.join(" ", words);
  }

  /** "helps" → "helping", "makes" → "making", "drifting" stays. */
  static String ing(String verb) {
    String w = Grammar.lower(verb);
    if (Grammar.isIngVerb(w)) {
      return w;
    }
    String base = w.matches(".*(?:ss|sh|ch|x|z|o)es") ? w.substring(0, w.length() - 2)
        : w.endsWith("ies") ? w.substring(0, w.length() - 3) + "y"
        : w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w;
    if (base.endsWith("ie")) {
      return base.substring(0, base.length() - 2) + "ying";
    }
    if (base.endsWith("e") && !base.endsWith("ee") && base.length() > 2) {
      return base.substring(0, base.length() - 1) + "ing";
    }
    if (base.matches("[^aeiou]*[aeiou][bdgmnprt]")) {
      return base + base.charAt(base.length() - 1) + "ing"; // run → running
    }
    return base + "ing";
  }

  /** What the brief shows most: a person's object if they act on a thing, else the lead. */
  Phrase subject() {
    if (lead == null) {
      return null;
    }
    if (Cast.person(lead) != null && People.pet(lead.head()) == null && object != null
        && Cast.person(object) == null) {
      return object;
    }
    return lead;
  }
}
