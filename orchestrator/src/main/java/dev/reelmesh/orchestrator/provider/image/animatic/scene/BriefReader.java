package dev.reelmesh.orchestrator.provider.image.animatic.scene;

import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.ScenePlan;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fills a {@link SceneBrief} for one clip from what today's plan carries: the brief's own words
 * (subject, setting, people, colours, light), the clip's camera, description and cast, and the
 * plan's style. When the planner sends explicit fields, they replace these guesses one by one.
 */
public final class BriefReader {
  private static final List<Color> DEFAULT_PALETTE = List.of(new Color(0x2E4057),
      new Color(0xF2A65A), new Color(0x8FB8A0));

  private BriefReader() {}

  public static SceneBrief read(ScenePlan plan, int clipIndex, String prompt) {
    PlannedClip clip = clipIndex < plan.getClipsCount() ? plan.getClips(clipIndex)
        : PlannedClip.getDefaultInstance();
    String brief = plan.getBrief().isBlank() ? prompt : plan.getBrief();
    BriefTokens tokens = BriefTokens.of(brief + (plan.getProductDescription().isBlank() ? ""
        : ". " + plan.getProductDescription()));
    Nouns nouns = Nouns.find(tokens.content());
    if (nouns.subject().isEmpty()) {
      nouns = Nouns.find(tokens.all());
    }
    List<CharacterSpec> cast = Cast.of(plan, clip, tokens, nouns.subject().isEmpty());
    List<String> props = new ArrayList<>(nouns.props());
    cast.stream().map(c -> PersonWords.of(c.role())).filter(r -> r != null && !r.prop().isEmpty())
        .map(PersonWords.Role::prop).filter(p -> !props.contains(p)).findFirst()
        .ifPresent(props::add);
    String subject = nouns.subject();
    if (subject.isEmpty() && !props.isEmpty()) {
      // People with a tool of their trade and no named thing: the tool is the subject (a
      // biker's bicycle, which the biker then rides).
      subject = props.remove(0);
    }
    String text = String.join(" ", brief, plan.getStyle().getLighting(),
        clip.getVisualDescription(), clip.getMotion()).toLowerCase(Locale.ROOT);
    return new SceneBrief(subject, nouns.subjectColour(), props.subList(0, Math.min(3,
        props.size())), setting(tokens, plan, clip, subject), cast,
        Camera.read(clip.getCamera(), prompt), palette(plan),
        plan.getStyle().getMood().toLowerCase(Locale.ROOT), light(text), weather(text));
  }

  private static SettingKind setting(BriefTokens tokens, ScenePlan plan, PlannedClip clip,
      String subject) {
    for (List<BriefTokens.Token> words : List.of(tokens.content(), tokens.all())) {
      for (int i = 0; i < words.size(); i++) {
        SettingKind kind = SettingKind.of(words.get(i).word());
        // "mountain biker": a place word before a person word describes the person.
        boolean describesPerson = i + 1 < words.size()
            && PersonWords.of(words.get(i + 1).word()) != null;
        if (kind != null && !describesPerson) {
          return kind;
        }
      }
    }
    String located = plan.getLocationsList().stream()
        .filter(l -> l.getId().equals(clip.getLocationId()))
        .map(l -> l.getName() + " " + l.getDescription()).findFirst().orElse("");
    for (BriefTokens.Token t : BriefTokens.tokens(located + " " + clip.getVisualDescription())) {
      SettingKind kind = SettingKind.of(t.word());
      if (kind != null) {
        return kind;
      }
    }
    return SettingKind.ROOM;
  }

  private static List<Color> palette(ScenePlan plan) {
    List<Color> colours = new ArrayList<>();
    for (String hex : plan.getStyle().getPaletteList()) {
      Color c = ColourWords.hex(hex);
      if (c != null) {
        colours.add(c);
      }
    }
    return colours.size() >= 3 ? colours : DEFAULT_PALETTE;
  }

  static String light(String text) {
    if (text.matches("(?s).*\\b(night|midnight|neon|starry|lanterns?)\\b.*")) {
      return "night";
    }
    if (text.matches("(?s).*\\b(dusk|sunset|golden hour|evening|twilight)\\b.*")) {
      return "dusk";
    }
    if (text.matches("(?s).*\\b(dawn|sunrise|morning|daybreak)\\b.*")) {
      return "dawn";
    }
    return "day";
  }

  static String weather(String text) {
    if (text.matches("(?s).*\\b(rain|rainy|raining|drizzle|storm)\\b.*")) {
      return "rain";
    }
    if (text.matches("(?s).*\\b(snow|snowy|snowing|winter)\\b.*")) {
      return "snow";
    }
    return text.matches("(?s).*\\b(steam|steaming|steamy)\\b.*") ? "steam" : "";
  }
}
