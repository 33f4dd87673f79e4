package dev.reelmesh.llm.shot;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Editing words in prose, read in context: "cut to", "smash cut", "next shot", "shot 2",
 * "montage", "fade to black", "dissolve into" are cuts; "cuts bread", "a cut of beef", "then sips"
 * are not. A cut that introduces another shot ("… then cut to the summit") takes the rest of its
 * fragment with it when sanitising: what follows it belongs to a shot this prompt does not have.
 */
final class CutWords {
  /** Cuts that begin another shot: everything after them goes. */
  static final Pattern TO_NEXT_SHOT = Pattern.compile("(?i),?\\s*(?:\\b(?:and\\s+)?then\\s+)?(?:\\b(?:hard|jump|smash|"
      + "match|quick)[- ])?\\bcuts?\\s+(?:back\\s+|away\\s+)?(?:to|into)\\b.*$|\\bnext shot\\b.*$|\\b(?:fades?|dissolves?)"
      + "\\s+(?:to|into)\\s+(?:black|white|the next|another)\\b.*$");
  /** Cut words that stand alone. */
  static final Pattern STANDALONE = Pattern.compile("(?i)\\b(?:hard|jump|smash|match|quick|rapid|fast)[- ]cuts?\\b|"
      + "\\bcuts?\\s+(?:away|back|between)\\b|\\b(?:shot|scene)\\s+\\d+\\b|\\bmontage\\b|\\bcrossfades?\\b|"
      + "\\bsplit[- ]screen\\b|\\btransition(?:s|ing)?\\s+(?:to|into)\\s+(?:the next|another|a new)\\s+(?:shot|scene)\\b|"
      + "\\b(?:scene|shot)\\s+transitions?\\b|\\bthen\\s+cut\\b|\\bfade[sd]?\\s+(?:out|in)\\b");

  private CutWords() {}

  static boolean present(String prose) {
    return TO_NEXT_SHOT.matcher(prose).find() || STANDALONE.matcher(prose).find();
  }

  /** The fragment without cut words; the first match of each kind is reported. */
  static String strip(String fragment, java.util.List<String> removed) {
    Matcher next = TO_NEXT_SHOT.matcher(fragment);
    String v = fragment;
    if (next.find()) {
      removed.add(next.group().strip());
      v = fragment.substring(0, next.start());
    }
    Matcher alone = STANDALONE.matcher(v);
    if (alone.find()) {
      removed.add(alone.group().strip());
      v = alone.replaceAll(" ");
    }
    return v;
  }
}
