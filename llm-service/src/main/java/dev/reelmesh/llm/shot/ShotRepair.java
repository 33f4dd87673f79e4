package dev.reelmesh.llm.shot;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic repairs of a shot prompt that failed its checks. Template: camera-move words
 * hidden in the subject, action or setting ("the camera zooms in on her") and appearance words
 * leave those fragments. Prose from an LLM: a missing "one continuous four-second shot", a
 * missing steady wording, a third sentence. Anything else is not repaired: the caller falls back.
 */
final class ShotRepair {
  private static final Pattern MOVE_PHRASE = Pattern.compile("(?i)\\b(slow pan|push-in|glide|static camera)\\b");

  private ShotRepair() {}

  static ShotFragments fragments(ShotFragments f, List<String> repairs) {
    return new ShotFragments(noMoves("subject", f.subject(), repairs), noMoves("action", f.action(), repairs),
        noMoves("setting", f.setting(), repairs), noMoves("product_use", f.productUse(), repairs), f.cameraMove(),
        noMoves("lighting", f.lighting(), repairs), noMoves("mood", f.mood(), repairs));
  }

  private static String noMoves(String field, String text, List<String> repairs) {
    String v = text;
    List<String> tokens = MoveWords.tokens(text);
    for (MoveWords.Found m : MoveWords.find(text)) {
      String phrase = String.join("\\W+", tokens.subList(Math.max(0, m.start()), m.end()).stream().map(Pattern::quote).toList());
      v = v.replaceAll("(?i)(?:\\b(?:the\\s+)?camera\\s+)?\\b" + phrase + "\\b", " ");
      repairs.add(field + ": camera move '" + m.move() + "' removed (the shot has one move, given by camera_move)");
    }
    if (ProductLooks.LOOKS.matcher(v).find()) {
      v = ProductLooks.LOOKS.matcher(v).replaceAll(" ");
      repairs.add(field + ": appearance words removed (the product is shown by use)");
    }
    return v.replaceAll("\\s+", " ").replaceAll("\\s+,", ",").replaceAll("^[,\\s]+|[,\\s]+$", "").strip();
  }

  /** Prose repairs; returns the text unchanged when none applies. */
  static String prose(String text, ShotFragments f, boolean ref, List<String> repairs) {
    String v = text.replaceAll("\\s+", " ").strip();
    String[] sentences = v.split("(?<=[.!?])\\s+");
    if (sentences.length > 2) {
      v = sentences[0] + " " + sentences[1];
      repairs.add("kept the first two of " + sentences.length + " sentences");
    }
    if (!v.endsWith(".") && !v.endsWith("!")) {
      v = v + ".";
    }
    List<ShotCheck> failed = ShotChecks.failed(ShotChecks.run(v, f, ref));
    if (failed.stream().anyMatch(c -> c.name().equals("single_four_second_shot"))) {
      v = v.substring(0, v.length() - 1) + ", in one continuous four-second shot.";
      repairs.add("added 'in one continuous four-second shot'");
    }
    if (ref && failed.stream().anyMatch(c -> c.name().equals("steady_for_reference"))) {
      Matcher m = MOVE_PHRASE.matcher(v);
      if (m.find()) {
        v = v.substring(0, m.start()) + "steady " + v.substring(m.start());
        repairs.add("made the " + f.cameraMove() + " steady for the reference image");
      }
    }
    return v;
  }

  static List<String> names(List<ShotCheck> failed) {
    List<String> out = new ArrayList<>();
    failed.forEach(c -> out.add(c.name() + " (" + c.detail() + ")"));
    return out;
  }
}
