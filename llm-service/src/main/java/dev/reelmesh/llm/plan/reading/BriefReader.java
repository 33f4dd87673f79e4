package dev.reelmesh.llm.plan.reading;

import static dev.reelmesh.llm.plan.reading.Token.Type.*;

import dev.reelmesh.llm.plan.reading.Chunker.Item;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a brief as people write it: format words set aside, then the subject (a product the
 * video is "for", else the first thing the brief shows), the people and how they relate, the
 * action, the setting, props, and the brief's own colours and mood. Pure and deterministic.
 */
final class BriefReader {
  private static final Set<String> STOP = Set.of("a", "an", "the", "and", "or", "of", "in", "on",
      "at", "for", "to", "with", "by", "&", "how", "our", "my", "your", "his", "her", "their", "its");

  private BriefReader() {}

  static BriefReading read(String brief, String productDescription) {
    List<String> formatWords = new ArrayList<>();
    FormatPass pass = new FormatPass(Tokenizer.tokens(brief, formatWords), formatWords);
    List<Item> items = Chunker.chunk(pass.tokens);
    List<Phrase> phrases = new ArrayList<>();
    for (Item it : items) {
      if (it.isPhrase()) {
        Phrase p = it.phrase();
        boolean product = pass.productStarts.contains(p.position())
            || Set.of("our", "my", "your").contains(p.det()) && Cast.person(p) == null;
        phrases.add(product ? p.marked() : p);
      }
    }
    Scene scene = Scene.read(items, phrases);
    Phrase productPhrase = phrases.stream().filter(Phrase::product).findFirst().orElse(null);
    String brand = productPhrase != null && productPhrase.properName() ? productPhrase.text() : "";
    Phrase apposition = productPhrase == null ? null : apposition(items, productPhrase);

    Phrase subject;
    String product;
    if (!productDescription.isBlank()) {
      subject = asPhrase(productDescription);
      product = subject.text();
    } else {
      Phrase named = apposition != null ? apposition : productPhrase != null && brand.isEmpty() ? productPhrase : null;
      product = named == null ? brand : named.text();
      boolean sceneOfItsOwn = scene.lead() != null && (productPhrase == null || scene.lead().segment() > productPhrase.segment());
      subject = sceneOfItsOwn || named == null ? scene.subject() : named;
      if (subject == null) {
        subject = named;
      }
    }
    List<CastMember> cast = Cast.read(phrases, scene);
    Setting setting = Settings.read(phrases, subject, scene, cast, productPhrase);
    List<String> props = props(phrases, subject, productPhrase, apposition, setting);

    String subjectText = subject == null ? (brand.isEmpty() ? "" : brand) : subject.text();
    String noun = subject == null ? "" : Grammar.singular(subject.head());
    List<String> attributes = subject == null ? List.of() : subject.modifiers();
    SubjectKind kind = subject == null ? SubjectKind.UNSPECIFIED : Things.kind(subject.text(), subject.head());
    return new BriefReading(subjectText, noun, attributes, kind, subject != null && subject.plural(),
        brand, product, scene.action(), props, cast, setting,
        pass.mood.isEmpty() ? pass.impliedMood : pass.mood, colours(phrases), pass.time,
        pass.season, pass.weather, pass.lighting, List.copyOf(pass.camera), pass.purpose(),
        pass.platform, formatWords, contentWords(pass.tokens), scene.sideActions());
  }

  /** "Spoke & Chain, a bicycle repair shop": the phrase after the comma says what it is. */
  private static Phrase apposition(List<Item> items, Phrase product) {
    for (int i = 0; i + 2 < items.size(); i++) {
      if (items.get(i).isPhrase() && items.get(i).phrase() == product
          || items.get(i).isPhrase() && items.get(i).phrase().position() == product.position()) {
        Item comma = items.get(i + 1);
        Item next = items.get(i + 2);
        if (comma.is(COMMA) && next.isPhrase() && Set.of("a", "an", "the").contains(next.phrase().det())
            && Cast.person(next.phrase()) == null) {
          return next.phrase();
        }
      }
    }
    return null;
  }

  private static Phrase asPhrase(String text) {
    List<String> words = new ArrayList<>(List.of(text.strip().split("\\s+")));
    if (words.size() > 1 && Grammar.DETERMINERS.contains(Grammar.lower(words.get(0)))) {
      words.remove(0);
    }
    return new Phrase(words, "", "", 0, 0, -1, true);
  }

  private static List<String> props(List<Phrase> phrases, Phrase subject, Phrase product,
      Phrase apposition, Setting setting) {
    Set<String> out = new LinkedHashSet<>();
    for (Phrase p : phrases) {
      if (p == subject || p == product || p == apposition || p.properName() || Cast.person(p) != null
          || p.text().equals(setting.name()) || setting.features().contains(p.text())
          || subject != null && p.text().equals(subject.text())) {
        continue;
      }
      out.add(p.text());
    }
    return List.copyOf(out);
  }

  private static List<NamedColour> colours(List<Phrase> phrases) {
    List<NamedColour> out = new ArrayList<>();
    for (Phrase p : phrases) {
      for (String w : p.modifiers()) {
        String hex = Colours.hex(w);
        if (hex != null && out.stream().noneMatch(c -> c.name().equals(w))) {
          out.add(new NamedColour(w, hex, p.head()));
        }
      }
    }
    return out;
  }

  private static List<String> contentWords(List<Token> tokens) {
    Set<String> out = new LinkedHashSet<>();
    for (Token t : tokens) {
      if (t.is(WORD) || t.is(VERB) || t.is(MODIFIER) && !Modifiers.CAMERA.containsKey(t.lower())) {
        for (String w : t.lower().split("\\s+")) {
          if (!STOP.contains(w) && w.length() > 1) {
            out.add(w);
          }
        }
      }
    }
    return List.copyOf(out);
  }
}
