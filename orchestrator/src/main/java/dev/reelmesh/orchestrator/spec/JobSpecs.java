package dev.reelmesh.orchestrator.spec;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.v1.AspectRatio;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.QualityTier;
import dev.reelmesh.v1.UserReference;
import io.grpc.Status;
import java.util.Set;

/**
 * Validates a submitted {@link JobSpec} and fills in its defaults, so every later stage works on a
 * complete spec. Each problem is an INVALID_ARGUMENT naming the field.
 */
public final class JobSpecs {
  static final Set<String> LLM = Set.of("offline", "openai");
  static final Set<String> IMAGE = Set.of("animatic", "openai");
  static final Set<String> VIDEO = Set.of("motion", "openai", "replicate");
  static final Set<String> SPEECH = Set.of("espeak", "openai", "none");

  /** Providers the orchestrator can drive today; the others are known names not built yet. */
  static final Set<String> BUILT = Set.of("offline", "animatic", "motion", "espeak", "none");
  /** Paid providers the job engine drives through openai-java when a key is configured. */
  static final Set<String> OPENAI_ROLES = Set.of("image", "video", "speech");

  private JobSpecs() {}

  /**
   * Whether a filled spec chooses a paid provider (one not built in) for any media role, so its
   * estimate can be above zero and is worth checking against the cap and the month.
   */
  public static boolean paysForMedia(JobSpec filled) {
    return !BUILT.contains(filled.getProviders().getImage())
        || !BUILT.contains(filled.getProviders().getVideo())
        || !BUILT.contains(filled.getProviders().getSpeech());
  }

  /** As below, for an engine without paid providers configured. */
  public static JobSpec validateAndFill(JobSpec spec) {
    return validateAndFill(spec, PaidProviders.NONE);
  }

  /** As below, with only OpenAI's configuration in view. */
  public static JobSpec validateAndFill(JobSpec spec, boolean openAiConfigured) {
    return validateAndFill(spec, new PaidProviders(openAiConfigured, false, ""));
  }

  /**
   * @param paid which paid providers the job engine has settings for: choosing one it lacks is
   *     FAILED_PRECONDITION, naming what to set
   */
  public static JobSpec validateAndFill(JobSpec spec, PaidProviders paid) {
    String brief = spec.getBrief();
    if (brief.isBlank()) {
      throw Statuses.invalid("spec.brief", "must not be empty");
    }
    if (brief.length() > 4000) {
      throw Statuses.invalid("spec.brief", "at most 4000 characters, got " + brief.length());
    }
    // Unset: the length the brief names ("a 15-second clip"), else 30 s.
    double duration = spec.getDurationSeconds() != 0 ? spec.getDurationSeconds()
        : BriefFormat.seconds(brief).orElse(30);
    if (!(duration > 0 && duration <= 600) || Double.isNaN(duration)) {
      throw Statuses.invalid("spec.duration_seconds",
          "must be in (0, 600] seconds, got " + spec.getDurationSeconds());
    }
    if (spec.getAspectRatio() == AspectRatio.UNRECOGNIZED) {
      throw Statuses.invalid("spec.aspect_ratio", "unknown aspect ratio; use 16:9, 9:16 or 1:1");
    }
    int variations = spec.getVariations() == 0 ? 4 : spec.getVariations();
    if (variations < 1 || variations > 16) {
      throw Statuses.invalid("spec.variations", "must be in 1..16, got " + spec.getVariations());
    }
    if (spec.getEnhancementRounds() < 0 || spec.getEnhancementRounds() > 8) {
      throw Statuses.invalid("spec.enhancement_rounds",
          "must be in 0..8 (0 = off), got " + spec.getEnhancementRounds());
    }
    if (spec.getQualityTier() == QualityTier.UNRECOGNIZED) {
      throw Statuses.invalid("spec.quality_tier", "unknown quality tier");
    }
    if (spec.getBudgetCapMicros() < 0) {
      throw Statuses.invalid("spec.budget_cap_micros", "must be >= 0 (0 = no job cap)");
    }
    int parallel = spec.getMaxParallelClips() == 0 ? 2 : spec.getMaxParallelClips();
    if (parallel < 1 || parallel > 8) {
      throw Statuses.invalid("spec.max_parallel_clips",
          "must be in 1..8, got " + spec.getMaxParallelClips());
    }
    for (int i = 0; i < spec.getReferencesCount(); i++) {
      checkReference("spec.references[" + i + "]", spec.getReferences(i));
    }
    StageSpecs.validate(spec);
    JobSpec.Builder filled = spec.toBuilder()
        .setDurationSeconds(duration)
        .setVariations(variations)
        .setMaxParallelClips(parallel);
    if (spec.getAspectRatio() == AspectRatio.ASPECT_RATIO_UNSPECIFIED) {
      // Unset: the shape the brief names ("vertical", "for TikTok", "square"), else 16:9.
      filled.setAspectRatio(BriefFormat.aspect(brief).orElse(AspectRatio.ASPECT_RATIO_16_9));
    }
    if (spec.getQualityTier() == QualityTier.QUALITY_TIER_UNSPECIFIED) {
      filled.setQualityTier(QualityTier.QUALITY_TIER_STANDARD);
    }
    Picker providers = new Picker(paid);
    filled.getProvidersBuilder()
        .setLlm(providers.pick("llm", spec.getProviders().getLlm(), LLM, "offline"))
        .setImage(providers.pick("image", spec.getProviders().getImage(), IMAGE, "animatic"))
        .setVideo(providers.pick("video", spec.getProviders().getVideo(), VIDEO, "motion"))
        .setSpeech(providers.pick("speech", spec.getProviders().getSpeech(), SPEECH, "espeak"));
    if (!filled.hasMusic()) {
      filled.getMusicBuilder().setGenerated(true);
    }
    return filled.build();
  }

  /** Picks one role's provider name, with the engine's paid-provider settings in view. */
  private record Picker(PaidProviders paid) {
    String pick(String role, String name, Set<String> known, String fallback) {
      return provider("spec.providers." + role, paid, name, known, fallback);
    }
  }

  private static String provider(String field, PaidProviders paid, String name,
      Set<String> known, String fallback) {
    boolean openAiConfigured = paid.openAi();
    String chosen = name.isBlank() ? fallback : name.strip().toLowerCase(java.util.Locale.ROOT);
    if (!known.contains(chosen)) {
      throw Statuses.invalid(field, "unknown provider '" + name + "'; known: "
          + known.stream().sorted().toList());
    }
    if (field.endsWith(".llm") && (name.isBlank() || "openai".equals(chosen))) {
      // The LLM service owns its engine and key: "" keeps its configured engine, "openai" asks
      // for it (the service answers FAILED_PRECONDITION when it has no key).
      return name.isBlank() ? "" : chosen;
    }
    if ("openai".equals(chosen) && OPENAI_ROLES.contains(field.substring(field.lastIndexOf('.')
        + 1))) {
      if (!openAiConfigured) {
        throw Status.FAILED_PRECONDITION.withDescription(field + ": provider 'openai' needs "
            + "OPENAI_API_KEY (and optionally OPENAI_BASE_URL) set for the orchestrator; "
            + "without it use the offline engines " + known.stream().filter(BUILT::contains)
                .toList()).asRuntimeException();
      }
      return chosen;
    }
    if ("replicate".equals(chosen)) {
      if (!paid.replicate()) {
        throw Status.FAILED_PRECONDITION.withDescription(field + ": " + (paid.replicateMissing()
            .isBlank() ? "provider 'replicate' is not configured for the orchestrator"
            : paid.replicateMissing())).asRuntimeException();
      }
      return chosen;
    }
    if (!BUILT.contains(chosen)) {
      throw Status.UNIMPLEMENTED.withDescription(field + ": provider '" + chosen
          + "' is not wired into the job engine yet; choose one of "
          + known.stream().filter(n -> BUILT.contains(n) || "openai".equals(n)
              && OPENAI_ROLES.contains(field.substring(field.lastIndexOf('.') + 1))
              || "replicate".equals(n)).sorted()
              .toList()).asRuntimeException();
    }
    return chosen;
  }

  private static boolean readableImage(byte[] bytes) {
    try {
      return javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes)) != null;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static void checkReference(String field, UserReference reference) {
    ImageSource image = reference.getImage();
    switch (image.getSourceCase()) {
      case DATA -> {
        if (image.getData().isEmpty()) {
          throw Statuses.invalid(field + ".image.data", "is empty");
        }
        if (image.getData().size() > 8 * 1024 * 1024) {
          throw Statuses.invalid(field + ".image.data", "at most 8 MiB inline; upload larger "
              + "images with MediaService.Upload and pass the artifact");
        }
        if (!readableImage(image.getData().toByteArray())) {
          throw Statuses.invalid(field + ".image.data", "not a readable PNG or JPEG image");
        }
      }
      case ARTIFACT -> {
        if (image.getArtifact().getUri().isBlank()) {
          throw Statuses.invalid(field + ".image.artifact.uri", "is empty");
        }
      }
      case URL -> {
        String url = image.getUrl();
        if (!(url.startsWith("http://") || url.startsWith("https://"))) {
          throw Statuses.invalid(field + ".image.url", "only http(s) URLs, got '" + url + "'");
        }
        // Whether this engine may fetch it (REELMESH_FETCH_ALLOW) is checked at submit.
      }
      default -> throw Statuses.invalid(field + ".image", "give data, artifact or url");
    }
  }
}
