package dev.reelmesh.llm.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The deterministic planner: reads the brief, tiles the duration, and writes each clip from beat
 * templates (hook → problem → use → payoff → call to action) with seeded choices, so the same
 * request and seed always give the same plan.
 */
public final class OfflinePlanner {
  private static final List<String> SORA_MOVES = List.of("static", "push-in", "glide", "slow pan");
  private static final List<String> MOVES =
      List.of("static", "push-in", "glide", "slow pan", "zoom out", "tracking", "close-up");
  private static final List<String> NAMES = List.of("Maya", "Leo", "Noor", "Sam", "Ines", "Kai");
  private static final List<String> LOOKS = List.of("short dark hair, charcoal knit sweater",
      "curly auburn hair, denim jacket", "silver-streaked beard, olive canvas apron",
      "braided black hair, mustard linen shirt", "cropped blond hair, navy overshirt");

  public Plan plan(PlanRequest request) {
    long seed = request.effectiveSeed();
    Random random = new Random(seed);
    BriefReading reading = BriefReading.of(request.brief(), request.productDescription());
    PlanStyle style = StylePresets.choose(request.stylePreset(), request.brief(), random);
    if (!reading.lightHint().isEmpty()) {
      style = style.withLighting(reading.lightHint() + " light, " + style.lighting());
    }
    String personWord = reading.person().isEmpty() ? "person" : reading.person();
    PlanCharacter hero = new PlanCharacter("char-1", NAMES.get(random.nextInt(NAMES.size())),
        "a " + personWord + " in their thirties, " + LOOKS.get(random.nextInt(LOOKS.size())));
    // A setting the brief names wins; else one that suits the subject; else a neutral one.
    String settingWord = !reading.setting().isEmpty() ? reading.setting()
        : !reading.impliedSetting().isEmpty() ? reading.impliedSetting()
        : pick(random, "sunlit apartment", "quiet studio", "city street");
    List<PlanLocation> locations = List.of(
        new PlanLocation("loc-1", settingWord, "a lived-in " + settingWord + " with uncluttered surfaces"),
        new PlanLocation("loc-2", "close detail", "a tight tabletop detail of " + reading.subject()));

    List<double[]> spans = Timeline.spans(request.durationSeconds(), request.preferredClipSeconds());
    List<String> moves = request.targetModel() == VideoFamily.SORA ? SORA_MOVES : MOVES;
    List<PlanClip> clips = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      double[] span = spans.get(i);
      Beat beat = Beat.at(i, spans.size());
      float intensity = intensity(i, spans.size(), random);
      String visual = beat.visual(reading.subject(), hero.name(), settingWord, random);
      String motion = beat.motion(random);
      String camera = moves.get(Math.floorMod(beat.ordinal() + random.nextInt(moves.size()), moves.size()));
      String narration = Narration.fit(beat.narration(reading.subject(), random),
          Narration.maxWords(span[1] - span[0]));
      List<String> cast = beat == Beat.DETAIL ? List.of() : List.of(hero.id());
      String location = beat == Beat.DETAIL ? "loc-2" : "loc-1";
      clips.add(new PlanClip(i, span[0], span[1], visual, motion, camera, cast, location,
          narration, intensity));
    }
    String title = capitalise(BriefReading.firstWords(reading.subject(), 6));
    return new Plan(title, request.brief(), request.durationSeconds(), request.aspectRatio(), style,
        clips, List.of(hero), locations, request.productDescription(),
        request.characterConsistency(), seed);
  }

  /** Energy rises to a peak about two-thirds in and settles for the close. */
  static float intensity(int i, int n, Random random) {
    double pos = n == 1 ? 0.5 : (double) i / (n - 1);
    double curve = 0.3 + 0.6 * Math.sin(Math.PI * Math.min(1, pos * 0.75 + 0.1));
    double jitter = (random.nextDouble() - 0.5) * 0.1;
    return (float) Math.max(0, Math.min(1, Math.round((curve + jitter) * 100) / 100.0));
  }

  private static String pick(Random random, String... options) {
    return options[random.nextInt(options.length)];
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
