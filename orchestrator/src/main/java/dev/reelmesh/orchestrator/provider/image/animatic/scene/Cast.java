package dev.reelmesh.orchestrator.provider.image.animatic.scene;

import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.ScenePlan;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The people of one clip. The brief's person words give roles, ages and poses ("an old
 * fisherman and his granddaughter mending nets"); the plan's characters give names and looks
 * and say which clips they are in. A clip the plan leaves without characters is a detail shot.
 */
final class Cast {
  private static final Color[] TOPS = {new Color(0xD9822B), new Color(0x2F6DB5),
      new Color(0x3E8E4F), new Color(0xB8336A), new Color(0xE8C547), new Color(0x6A4C93)};
  private static final Color[] BOTTOMS = {new Color(0x2E3440), new Color(0x5B4636),
      new Color(0x3D5A80), new Color(0x4A4E69)};
  private static final Color[] HAIR = {new Color(0x2B2320), new Color(0x8E3B1F),
      new Color(0xE3C26F), new Color(0x4A3426)};
  private static final Color[] SKIN = {new Color(0xF1C7A5), new Color(0xC68A5E),
      new Color(0x8D5A3B), new Color(0xE0AC85), new Color(0x5E3A24)};

  private Cast() {}

  record Named(String role, Age age, Pose pose) {}

  /**
   * @param peopleAreTheSubject the brief names no thing, only people: then a clip the plan
   *     leaves without characters still shows them (a close shot of the people)
   */
  static List<CharacterSpec> of(ScenePlan plan, PlannedClip clip, BriefTokens tokens,
      boolean peopleAreTheSubject) {
    List<Named> brief = briefPeople(tokens.content());
    if (brief.isEmpty()) {
      brief = briefPeople(tokens.all());
    }
    Pose clipPose = Pose.from(Lexicon.words(clip.getVisualDescription()));
    List<CharacterSpec> out = new ArrayList<>();
    List<String> ids = clip.getCharacterIdsList();
    if (plan.getCharactersCount() > 0 && ids.isEmpty()) {
      if (!peopleAreTheSubject) {
        return out;
      }
      ids = plan.getCharactersList().stream().map(dev.reelmesh.v1.Character::getId).toList();
    }
    for (String id : ids) {
      plan.getCharactersList().stream().filter(c -> c.getId().equals(id)).findFirst()
          .ifPresent(c -> out.add(fromPlan(c, out.size(), briefAt(plan, out.size(), c),
              clipPose)));
    }
    for (int i = out.size(); i < brief.size(); i++) {
      Named n = brief.get(i);
      out.add(look(i, n.role() + (countBefore(brief, i) > 0 ? " " + (countBefore(brief, i) + 1)
          : ""), n.role(), n.age(), pose(n.pose(), clipPose), ""));
    }
    return out;
  }

  private static Named briefAt(ScenePlan plan, int i, dev.reelmesh.v1.Character c) {
    List<Named> brief = briefPeople(BriefTokens.of(plan.getBrief()).content());
    if (brief.isEmpty()) {
      brief = briefPeople(BriefTokens.tokens(plan.getBrief()));
    }
    if (i < brief.size()) {
      return brief.get(i);
    }
    List<Named> own = briefPeople(BriefTokens.tokens(c.getDescription()));
    return own.isEmpty() ? new Named("person", Age.ADULT, Pose.STANDING) : own.get(0);
  }

  private static CharacterSpec fromPlan(dev.reelmesh.v1.Character c, int index, Named n,
      Pose clipPose) {
    String name = c.getName().isBlank() ? n.role() : c.getName();
    return look(index, name, n.role(), n.age(), pose(n.pose(), clipPose), c.getDescription());
  }

  private static Pose pose(Pose brief, Pose clip) {
    return brief != Pose.STANDING || clip == null ? brief : clip;
  }

  private static int countBefore(List<Named> people, int i) {
    int n = 0;
    for (int j = 0; j < i; j++) {
      n += people.get(j).role().equals(people.get(i).role()) ? 1 : 0;
    }
    return n;
  }

  /** Person words in order, expanded by count ("couple" → two), with ages and poses. */
  static List<Named> briefPeople(List<BriefTokens.Token> tokens) {
    List<Named> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String word = tokens.get(i).word();
      PersonWords.Role role = PersonWords.of(word);
      if (role == null || tokens.get(i).properName()) {
        continue;
      }
      Age age = role.age();
      for (int j = Math.max(0, i - 2); j < i; j++) {
        String before = tokens.get(j).word();
        if (before.equals("old") || before.equals("elderly") || before.equals("grey")) {
          age = Age.ELDER;
        }
      }
      List<String> after = new ArrayList<>();
      for (int j = i + 1; j < Math.min(tokens.size(), i + 5); j++) {
        after.add(tokens.get(j).word());
      }
      Pose pose = role.pose() == Pose.RIDING || Pose.from(after) == Pose.STANDING
          ? (role.pose() == null ? Pose.STANDING : role.pose()) : Pose.from(after);
      for (int k = 0; k < role.count(); k++) {
        out.add(new Named(word, age, pose));
      }
    }
    return out;
  }

  private static CharacterSpec look(int index, String name, String role, Age age, Pose pose,
      String description) {
    List<String> words = Lexicon.words(description);
    Color hair = age == Age.ELDER ? new Color(0xC9CCD1) : HAIR[index % HAIR.length];
    List<Color> clothes = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      Color c = ColourWords.of(words.get(i));
      if (c == null) {
        continue;
      }
      boolean hairWord = i + 1 < words.size() && (words.get(i + 1).equals("hair")
          || words.get(i + 1).equals("streaked") || words.get(i + 1).equals("beard"));
      if (hairWord && ColourWords.HAIR.contains(words.get(i))) {
        hair = c;
      } else {
        clothes.add(c);
      }
    }
    if (age == Age.ELDER && !hair.equals(ColourWords.of("white"))) {
      hair = new Color(0xC9CCD1);
    }
    Color top = clothes.isEmpty() ? TOPS[index % TOPS.length] : clothes.get(0);
    Color bottom = clothes.size() > 1 ? clothes.get(1) : BOTTOMS[index % BOTTOMS.length];
    Color skin = SKIN[Math.floorMod(name.hashCode() + index, SKIN.length)];
    return new CharacterSpec(name, role, age, top, bottom, hair, skin, pose);
  }
}
