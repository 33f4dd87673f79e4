package dev.reelmesh.orchestrator.cli;

import com.google.protobuf.ByteString;
import dev.reelmesh.v1.AspectRatio;
import dev.reelmesh.v1.ClipCheckPolicy;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.QualityTier;
import dev.reelmesh.v1.ReferenceRole;
import dev.reelmesh.v1.UserReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The flags that make a JobSpec, shared by generate and estimate; all checked before work. */
final class SpecOptions {
  /** Where "-" reads the brief from; tests hand in their own. */
  static Supplier<InputStream> stdin = () -> System.in;

  @Parameters(index = "0", paramLabel = "BRIEF",
      description = "What the video is about; '-' reads it from stdin (reelmesh brief … | …).")
  String brief;

  @Option(names = "--duration",
      description = "Seconds, up to 600 (default: the length the brief names, else 30).")
  Double duration;

  @Option(names = "--aspect",
      description = "16:9, 9:16 or 1:1 (default: the shape the brief names, e.g. vertical, "
          + "else 16:9).")
  String aspect;

  @Option(names = "--clip-seconds", paramLabel = "S",
      description = "Preferred clip length, 2-12 seconds (default: the planner's choice); with "
          + "a video model that renders only some lengths, the nearest of those.")
  Double clipSeconds;

  @Option(names = "--variations", defaultValue = "4",
      description = "Storyboard variations per frame, 1-16 (default ${DEFAULT-VALUE}).")
  int variations;

  @Option(names = "--reference", paramLabel = "IMAGE",
      description = "A reference image (product photo, character sheet); repeatable.")
  List<Path> references = new ArrayList<>();

  @Option(names = "--product", description = "What the product is; it is shown in use.")
  String product = "";

  @Option(names = "--style", description = "Style preset (cinematic, minimal, playful, ...).")
  String style = "";

  @Option(names = "--enhance", defaultValue = "0",
      description = "Writer/critic rounds per frame prompt, 0-8 (default 0 = off).")
  int enhance;

  @Option(names = "--tier", defaultValue = "standard", description = "draft, standard or high.")
  String tier;

  @Option(names = "--no-narration", description = "No voice-over.")
  boolean noNarration;

  @Option(names = "--music", paramLabel = "FILE|off",
      description = "A music file, or 'off' (default: a generated ambient bed).")
  String music;

  @Option(names = "--burn-captions", description = "Draw the captions onto the video.")
  boolean burnCaptions;

  @Option(names = "--lyrics", paramLabel = "FILE",
      description = "The song's lyrics: a line per line, or LRC ([mm:ss.xx] words); each clip "
          + "carries the lines sung during it.")
  Path lyrics;

  @Option(names = "--keep-traces", description = "Keep the prompt-enhancement traces "
      + "(traces/ in the job's folder) after the job ends; default: removed at the end.")
  boolean keepTraces;

  @Option(names = "--clip-checks", paramLabel = "rerender|flag|off", defaultValue = "rerender",
      description = "Check each rendered clip file against its prompt and frames; a flagged "
          + "clip is re-rendered once (rerender, the default, charged like any render), only "
          + "flagged (flag), or nothing is checked (off).")
  String clipChecks;

  @Option(names = "--seed", defaultValue = "0", description = "Seed for the offline engines.")
  long seed;

  @Option(names = "--budget", paramLabel = "USD", description = "Spend cap for this job.")
  Double budgetUsd;

  /** The music file to upload, or null (off or generated). */
  Path musicFile() {
    return music == null || music.equalsIgnoreCase("off") ? null : Path.of(music);
  }

  /** Checks every flag, reads the references, and builds the spec (music file not yet set). */
  JobSpec build(Checks checks) throws IOException {
    String text = brief.equals("-")
        ? new String(stdin.get().readAllBytes(), StandardCharsets.UTF_8).strip() : brief.strip();
    if (text.isEmpty()) {
      throw checks.refuse(brief.equals("-") ? "no brief on stdin" : "BRIEF is empty: say what "
          + "the video is about");
    }
    if (duration != null) {
      checks.aboveUpTo("--duration", duration, 0, 600);
    }
    if (clipSeconds != null) {
      checks.within("--clip-seconds", clipSeconds, 2, 12);
    }
    checks.range("--variations", variations, 1, 16);
    checks.range("--enhance", enhance, 0, 8);
    checks.positive("--budget", budgetUsd);
    JobSpec.Builder builder = JobSpec.newBuilder()
        .setBrief(text)
        .setDurationSeconds(duration == null ? 0 : duration)
        .setAspectRatio(aspect == null ? AspectRatio.ASPECT_RATIO_UNSPECIFIED
            : aspect(checks, aspect))
        .setVariations(variations)
        .setEnhancementRounds(enhance)
        .setQualityTier(tier(checks, tier))
        .setStylePreset(style)
        .setProductDescription(product)
        .setNarrationOff(noNarration)
        .setBurnCaptions(burnCaptions)
        .setKeepTraces(keepTraces)
        .setClipChecks(clipChecks(checks, clipChecks))
        .setSeed(seed)
        .setPreferredClipSeconds(clipSeconds == null ? 0 : clipSeconds);
    if (lyrics != null) {
      checks.regularFile("--lyrics", lyrics);
      try {
        builder.addAllLyrics(LyricsFile.parse(Files.readString(lyrics, StandardCharsets.UTF_8)));
      } catch (IllegalArgumentException e) {
        throw checks.refuse("--lyrics " + lyrics + ": " + e.getMessage());
      }
    }
    if (budgetUsd != null) {
      builder.setBudgetCapMicros(Money.micros(budgetUsd));
    }
    for (Path reference : references) {
      checks.regularFile("--reference", reference);
    }
    if (musicFile() != null) {
      checks.regularFile("--music", musicFile());
    } else if (music != null) {
      builder.getMusicBuilder().setOff(true);
    }
    for (Path reference : references) {
      builder.addReferences(UserReference.newBuilder().setRole(ReferenceRole.REFERENCE_ROLE_PRODUCT)
          .setLabel(reference.getFileName().toString())
          .setImage(ImageSource.newBuilder().setData(ByteString.copyFrom(
              Files.readAllBytes(reference)))));
    }
    return builder.build();
  }

  static AspectRatio aspect(Checks checks, String value) {
    return switch (value.strip()) {
      case "16:9" -> AspectRatio.ASPECT_RATIO_16_9;
      case "9:16" -> AspectRatio.ASPECT_RATIO_9_16;
      case "1:1" -> AspectRatio.ASPECT_RATIO_1_1;
      default -> throw checks.refuse("--aspect must be 16:9, 9:16 or 1:1, got '" + value + "'");
    };
  }

  static ClipCheckPolicy clipChecks(Checks checks, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "rerender" -> ClipCheckPolicy.CLIP_CHECK_POLICY_RERENDER_ONCE;
      case "flag" -> ClipCheckPolicy.CLIP_CHECK_POLICY_FLAG_ONLY;
      case "off" -> ClipCheckPolicy.CLIP_CHECK_POLICY_OFF;
      default -> throw checks.refuse("--clip-checks must be rerender, flag or off, got '"
          + value + "'");
    };
  }

  static QualityTier tier(Checks checks, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "draft" -> QualityTier.QUALITY_TIER_DRAFT;
      case "standard" -> QualityTier.QUALITY_TIER_STANDARD;
      case "high" -> QualityTier.QUALITY_TIER_HIGH;
      default -> throw checks.refuse("--tier must be draft, standard or high, got '" + value + "'");
    };
  }
}
