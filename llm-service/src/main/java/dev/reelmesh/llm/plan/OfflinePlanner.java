package dev.reelmesh.llm.plan;

import dev.reelmesh.llm.plan.music.BeatSnap;
import dev.reelmesh.llm.plan.music.FixedCuts;
import dev.reelmesh.llm.plan.music.Lyric;
import dev.reelmesh.llm.plan.reading.BriefReading;
import dev.reelmesh.llm.plan.reading.Grammar;
import dev.reelmesh.llm.plan.reading.Setting;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The deterministic planner: reads the brief (format words apart from content), casts the people
 * it names, tiles the duration, and writes each clip from a beat sheet with seeded choices, so the
 * same request and seed always give the same plan. No shot and no narration line repeats.
 */
public final class OfflinePlanner {
  /** Purposes that end on a hero shot with room for a title; others end on a last wide look. */
  private static final Set<String> SELLS = Set.of("ad", "launch", "explainer", "recruiting");

  public Plan plan(PlanRequest request) {
    long seed = request.effectiveSeed();
    Random random = new Random(seed);
    BriefReading reading = BriefReading.of(request.brief(), request.productDescription());
    PlanStyle style = StylePresets.choose(request.stylePreset(), reading, request.brief(), random);
    List<PlanCharacter> cast = CastBuilder.build(reading, random);
    Story story = new Story(reading, cast);
    PlanLocation location = location(reading, style);

    LengthFit fit = request.clipLengths().any() ? null : LengthFit.of(request.durationSeconds(),
        request.clipLengths(), request.preferredClipSeconds() > 0 ? request.preferredClipSeconds()
            : Timeline.DEFAULT_CLIP_SECONDS);
    List<double[]> spans = fit == null
        ? Timeline.spans(request.durationSeconds(), request.preferredClipSeconds())
        : Timeline.spans(fit.lengths(), request.durationSeconds());
    List<BeatSnap.Cut> cuts = request.music().isEmpty() ? List.of() : fit == null
        ? BeatSnap.cuts(spans, request.music(), Timeline.MIN_CLIP_SECONDS, Timeline.MAX_CLIP_SECONDS)
        // The model's lengths cannot move; their order can, to land the cuts on the music.
        : FixedCuts.cuts(fit.lengths(), !fit.note().isEmpty(), request.music());
    if (!cuts.isEmpty()) {
      spans = onCuts(cuts, request.durationSeconds());
    }
    List<Beat> beats = BeatSheet.beats(spans.size(), reading.purpose(), story);
    Map<Beat, Integer> seen = new EnumMap<>(Beat.class);
    Map<Beat, Integer> offsets = new EnumMap<>(Beat.class);
    for (Beat b : Beat.values()) {
      offsets.put(b, random.nextInt(12));
    }
    Set<String> shots = new HashSet<>();
    Set<String> lines = new HashSet<>();
    List<PlanClip> clips = new ArrayList<>();
    for (int i = 0; i < spans.size(); i++) {
      double[] span = spans.get(i);
      Beat beat = beats.get(i);
      int k = seen.merge(beat, 1, Integer::sum) - 1;
      int rotation = beat == Beat.CLOSING ? (SELLS.contains(reading.purpose()) ? 0 : 1) : k + offsets.get(beat);
      String visual = Shots.visual(beat, rotation, k, story, shots);
      // Over a song with words, the song speaks: no voice-over on top of the lyrics.
      String narration = !request.lyrics().isEmpty() ? ""
          : NarrationWriter.line(beat, k + offsets.get(beat), k, story, span[1] - span[0], lines);
      float energy = (float) request.music().energy(span[0], span[1]);
      float intensity = energy >= 0 ? Math.round(energy * 100) / 100f : intensity(i, spans.size(), reading.mood(), random);
      List<String> ids = cast.stream().filter(c -> mentions(visual, c.name())).map(PlanCharacter::id).toList();
      clips.add(new PlanClip(i, span[0], span[1], visual, Shots.motion(beat, story),
          Shots.camera(beat, random, request.targetModel() == VideoFamily.SORA), ids, location.id(),
          narration, intensity, action(beat, story, visual),
          framing(beat, reading), beat.label, beat.showsSubject || mentions(visual, reading.subjectNoun()),
          Lyric.during(request.lyrics(), i, spans.size(), span[0], span[1]), cuts.isEmpty() ? "" : cuts.get(i).on()));
    }
    String named = title(reading, cast, story);
    String title = Grammar.capitalise(firstWords(named.isBlank() ? request.brief() : named, 6));
    return new Plan(title, request.brief(), request.durationSeconds(), request.aspectRatio(), style,
        clips, cast, List.of(location), request.productDescription(),
        request.characterConsistency(), seed, PlanReading.of(reading), request.clipLengths(),
        fit == null ? "" : fit.note());
  }

  private static List<double[]> onCuts(List<BeatSnap.Cut> cuts, double duration) {
    List<double[]> spans = new ArrayList<>();
    for (int i = 0; i < cuts.size(); i++) {
      spans.add(new double[] {cuts.get(i).seconds(), i + 1 < cuts.size() ? cuts.get(i + 1).seconds() : duration});
    }
    return spans;
  }

  /** The brand, else who acts and what they do when people act on the subject, else the subject. */
  private static String title(BriefReading r, List<PlanCharacter> cast, Story story) {
    if (!r.brand().isEmpty()) {
      return r.brand();
    }
    if (story.peopleAct && r.subjectKind() != dev.reelmesh.llm.plan.reading.SubjectKind.PERSON) {
      List<String> roles = r.cast().stream().map(c -> c.count() > 1 ? c.role() + "s" : c.role()).toList();
      return Story.join(roles) + " " + story.actionCore();
    }
    return r.subject().isEmpty() ? r.product() : r.subject();
  }

  private static PlanLocation location(BriefReading r, PlanStyle style) {
    Setting s = r.setting();
    String name = s.name().isEmpty() ? "plain backdrop" : s.name();
    StringBuilder d = new StringBuilder(Grammar.withArticle(name));
    if (!s.placeName().isEmpty()) {
      d.append(" in ").append(s.placeName());
    }
    if (!s.features().isEmpty()) {
      d.append(" with ").append(Story.join(s.features().stream().map(Story::withArticle).toList()));
    }
    d.append(", ").append(style.lighting().split(",")[0]);
    return new PlanLocation("loc-1", name, d.toString(), s.kind(), s.placeName(), s.features(), s.kind().indoor());
  }

  private static boolean mentions(String text, String word) {
    return !word.isEmpty() && text.toLowerCase().matches("(?s).*\\b" + java.util.regex.Pattern.quote(word.toLowerCase()) + "\\b.*");
  }

  /** What happens in the clip, for the painter's poses: the brief's action where the shot shows it. */
  private static String action(Beat beat, Story story, String visual) {
    String a = story.reading.action();
    if (!a.isEmpty() && (visual.contains(a) || visual.contains(story.slots.get("Af")))) {
      return a;
    }
    return switch (beat) {
      case USE -> story.slots.get("Sn").isEmpty() ? "" : "reaching for " + story.slots.get("Sn");
      case PEOPLE -> story.peopleAct ? a : "";
      case PAYOFF -> visual.contains("smiles") ? "smiling" : "";
      default -> "";
    };
  }

  private static Framing framing(Beat beat, BriefReading r) {
    // A macro brief is macro throughout: every shot that is not the wide one frames a detail.
    if (beat.framing != Framing.WIDE && beat.showsSubject && r.camera().stream().anyMatch(c -> c.startsWith("macro"))) {
      return Framing.MACRO;
    }
    if (beat == Beat.DETAIL && r.camera().stream().anyMatch(c -> c.startsWith("overhead"))) {
      return Framing.OVERHEAD;
    }
    return beat.framing;
  }

  /** Energy rises to a peak about two-thirds in and settles; calm briefs stay low. */
  static float intensity(int i, int n, String mood, Random random) {
    double pos = n == 1 ? 0.5 : (double) i / (n - 1);
    double curve = 0.3 + 0.6 * Math.sin(Math.PI * Math.min(1, pos * 0.75 + 0.1));
    double scale = Set.of("calm", "serene", "peaceful", "cosy", "tender", "dreamy").contains(mood) ? 0.5
        : Set.of("energetic", "epic", "bold", "festive").contains(mood) ? 1.15 : 1.0;
    double jitter = (random.nextDouble() - 0.5) * 0.1;
    return (float) Math.max(0, Math.min(1, Math.round((curve * scale + jitter) * 100) / 100.0));
  }

  static String firstWords(String text, int n) {
    String[] words = text.strip().split("\\s+");
    return words.length <= n ? text.strip() : String.join(" ", List.of(words).subList(0, n));
  }
}
