package dev.reelmesh.llm;

import static dev.reelmesh.common.error.Statuses.invalid;

import dev.reelmesh.llm.plan.ClipLengths;
import dev.reelmesh.llm.plan.Plan;
import dev.reelmesh.llm.plan.PlanRequest;
import dev.reelmesh.llm.plan.music.Lyric;
import dev.reelmesh.llm.plan.music.MusicGrid;
import dev.reelmesh.v1.MusicTiming;
import java.util.List;
import dev.reelmesh.llm.plan.PlanCharacter;
import dev.reelmesh.llm.plan.PlanClip;
import dev.reelmesh.llm.plan.PlanLocation;
import dev.reelmesh.llm.plan.PlanStyle;
import dev.reelmesh.llm.plan.VideoFamily;
import dev.reelmesh.v1.AspectRatio;
import dev.reelmesh.v1.Character;
import dev.reelmesh.v1.GlobalStyle;
import dev.reelmesh.v1.Location;
import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.ScenePlan;
import dev.reelmesh.v1.VideoModelFamily;

/** ScenePlan messages ↔ plan records, at the edge only. */
final class PlanProtos {
  private PlanProtos() {}

  static String aspect(AspectRatio ratio, String field) {
    return switch (ratio) {
      case ASPECT_RATIO_UNSPECIFIED, ASPECT_RATIO_16_9 -> "16:9";
      case ASPECT_RATIO_9_16 -> "9:16";
      case ASPECT_RATIO_1_1 -> "1:1";
      case UNRECOGNIZED -> throw invalid(field, "unknown aspect ratio; use 16:9, 9:16 or 1:1");
    };
  }

  static AspectRatio aspect(String ratio) {
    return switch (ratio) {
      case "9:16" -> AspectRatio.ASPECT_RATIO_9_16;
      case "1:1" -> AspectRatio.ASPECT_RATIO_1_1;
      default -> AspectRatio.ASPECT_RATIO_16_9;
    };
  }

  static VideoFamily family(VideoModelFamily family, String field) {
    return switch (family) {
      case VIDEO_MODEL_FAMILY_UNSPECIFIED, VIDEO_MODEL_FAMILY_GENERIC -> VideoFamily.GENERIC;
      case VIDEO_MODEL_FAMILY_SVD -> VideoFamily.SVD;
      case VIDEO_MODEL_FAMILY_COGVIDEOX -> VideoFamily.COGVIDEOX;
      case VIDEO_MODEL_FAMILY_SORA -> VideoFamily.SORA;
      case UNRECOGNIZED -> throw invalid(field, "unknown video model family");
    };
  }

  /** The request's music and lyrics, checked against its duration (fields named in errors). */
  static PlanRequest withMusic(PlanRequest request, dev.reelmesh.v1.PlanScriptRequest r) {
    if (!r.hasMusic() && r.getLyricsCount() == 0) {
      return request;
    }
    MusicTiming m = r.getMusic();
    MusicGrid grid = MusicGrid.validated(m.getBeatSecondsList(), m.getBarSecondsList(), m.getBeatEnergyList(),
        request.durationSeconds(), "music");
    List<Lyric> lyrics = Lyric.validated(r.getLyricsList().stream()
        .map(l -> new Lyric(l.getText(), l.getStartSeconds(), l.getEndSeconds())).toList(),
        request.durationSeconds(), "lyrics");
    return request.withMusic(grid, lyrics);
  }

  static PlanStyle style(GlobalStyle s) {
    return new PlanStyle(s.getVisualStyle(), s.getMood(), s.getLighting(), s.getCinematography(),
        s.getPaletteList(), s.getPreset());
  }

  static GlobalStyle style(PlanStyle s) {
    return GlobalStyle.newBuilder().setVisualStyle(s.visualStyle()).setMood(s.mood())
        .setLighting(s.lighting()).setCinematography(s.cinematography())
        .addAllPalette(s.palette()).setPreset(s.preset()).build();
  }

  static Plan plan(ScenePlan p, String field) {
    return new Plan(p.getTitle(), p.getBrief(), p.getDurationSeconds(),
        aspect(p.getAspectRatio(), field + ".aspect_ratio"), style(p.getStyle()),
        p.getClipsList().stream().map(c -> new PlanClip(c.getIndex(), c.getStartSeconds(),
            c.getEndSeconds(), c.getVisualDescription(), c.getMotion(), c.getCamera(),
            c.getCharacterIdsList(), c.getLocationId(), c.getNarration(), c.getBeatIntensity(),
            c.getAction(), ReadingProtos.framing(c.getFraming()), c.getBeat(), c.getSubjectInFrame(),
            c.getLyrics(), c.getCut())).toList(),
        p.getCharactersList().stream().map(c -> new PlanCharacter(c.getId(), c.getName(), c.getDescription(),
            c.getRole(), ReadingProtos.age(c.getAgeGroup()), ReadingProtos.gender(c.getGender()), c.getRelation(),
            c.getRelatedTo(), c.getClothing(), c.getClothingColoursList(), c.getSpecies())).toList(),
        p.getLocationsList().stream().map(l -> new PlanLocation(l.getId(), l.getName(), l.getDescription(),
            ReadingProtos.kind(l.getKind()), l.getPlaceName(), l.getFeaturesList(), l.getIndoor())).toList(),
        p.getProductDescription(), p.getCharacterConsistency(), p.getSeed(),
        ReadingProtos.reading(p.getReading()),
        ClipLengths.validated(p.getAllowedClipSecondsList(), field + ".allowed_clip_seconds"),
        p.getClipFit());
  }

  static ScenePlan plan(Plan p) {
    ScenePlan.Builder b = ScenePlan.newBuilder().setTitle(p.title()).setBrief(p.brief())
        .setDurationSeconds(p.durationSeconds()).setAspectRatio(aspect(p.aspectRatio()))
        .setStyle(style(p.style())).setProductDescription(p.productDescription())
        .setCharacterConsistency(p.characterConsistency()).setSeed(p.seed())
        .setReading(ReadingProtos.reading(p.reading()))
        .addAllAllowedClipSeconds(p.clipLengths().seconds()).setClipFit(p.clipFit());
    for (PlanClip c : p.clips()) {
      b.addClips(PlannedClip.newBuilder().setIndex(c.index()).setStartSeconds(c.startSeconds())
          .setEndSeconds(c.endSeconds()).setVisualDescription(c.visualDescription())
          .setMotion(c.motion()).setCamera(c.camera()).addAllCharacterIds(c.characterIds())
          .setLocationId(c.locationId()).setNarration(c.narration()).setBeatIntensity(c.beatIntensity())
          .setAction(c.action()).setFraming(ReadingProtos.framing(c.framing())).setBeat(c.beat())
          .setSubjectInFrame(c.subjectInFrame()).setLyrics(c.lyrics()).setCut(c.cut()));
    }
    p.characters().forEach(c -> b.addCharacters(Character.newBuilder().setId(c.id()).setName(c.name())
        .setDescription(c.description()).setRole(c.role()).setAgeGroup(ReadingProtos.age(c.age()))
        .setGender(ReadingProtos.gender(c.gender())).setRelation(c.relation()).setRelatedTo(c.relatedTo())
        .setClothing(c.clothing()).addAllClothingColours(c.clothingColours()).setSpecies(c.species())));
    p.locations().forEach(l -> b.addLocations(Location.newBuilder().setId(l.id()).setName(l.name())
        .setDescription(l.description()).setKind(ReadingProtos.kind(l.kind())).setPlaceName(l.placeName())
        .addAllFeatures(l.features()).setIndoor(l.indoor())));
    return b.build();
  }
}
