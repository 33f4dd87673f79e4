package dev.reelmesh.orchestrator.spec;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.v1.AspectRatio;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.QualityTier;
import dev.reelmesh.v1.UserReference;
import io.grpc.Status;
import dev.reelmesh.v1.ProviderChoices;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates a submitted {@link JobSpec} and fills in its defaults, so every later stage works on a
 * complete spec. Each problem is an INVALID_ARGUMENT naming the field.
 */
public final class JobSpecs {
  static final Set<String> LLM = Set.of("offline", "openai");
  /** The media roles whose providers the catalog knows, as ProviderChoices names them. */
  static final List<String> MEDIA = List.of("image", "video", "speech");

  private JobSpecs() {}

  /**
   * Whether a filled spec may pay for media: any provider of any role's chain costs money, so
   * its estimate can be above zero and is worth checking against the cap and the month.
   */
  public static boolean paysForMedia(JobSpec filled, ProviderCatalog catalog) {
    ProviderChoices p = filled.getProviders();
    for (String role : MEDIA) {
      String choice = role.equals("image") ? p.getImage() : role.equals("video") ? p.getVideo()
          : p.getSpeech();
      for (ProviderChain.Link link : ProviderChain.parse(choice.isBlank()
          ? catalog.defaultName(role) : choice).links()) {
        if (catalog.paid(role, link.name())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The seed for every offline engine: the user's, or one derived from the brief. */
  public static long seed(JobSpec spec) {
    return spec.getSeed() != 0 ? spec.getSeed() : spec.getBrief().hashCode() & 0xffffffffL;
  }

  /**
   * @param catalog the media providers this engine knows: an unknown name is INVALID_ARGUMENT
   *     with the known ones, a chain none of whose providers is configured FAILED_PRECONDITION
   *     naming what to set
   */
  public static JobSpec validateAndFill(JobSpec spec, ProviderCatalog catalog) {
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
    double clip = spec.getPreferredClipSeconds();
    if (!(clip == 0 || (clip >= 2 && clip <= 12))) {
      throw Statuses.invalid("spec.preferred_clip_seconds", "must be 0 (the planner's choice) "
          + "or in [2, 12] seconds, got " + clip);
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
    ProviderChoices asked = spec.getProviders();
    AspectRatio aspect = filled.getAspectRatio();
    filled.getProvidersBuilder()
        .setLlm(llm(asked.getLlm()))
        .setImage(chain("image", asked.getImage(), catalog, aspect))
        .setVideo(chain("video", asked.getVideo(), catalog, aspect))
        .setSpeech(chain("speech", asked.getSpeech(), catalog, aspect));
    if (!filled.hasMusic()) {
      filled.getMusicBuilder().setGenerated(true);
    }
    return filled.build();
  }

  /**
   * The LLM service owns its engine and key: "" keeps its configured engine, "openai" asks for
   * it (the service answers FAILED_PRECONDITION when it has no key).
   */
  private static String llm(String name) {
    String chosen = name.strip().toLowerCase(Locale.ROOT);
    if (!chosen.isEmpty() && !LLM.contains(chosen)) {
      throw Statuses.invalid("spec.providers.llm", "unknown provider '" + name + "'; known: "
          + LLM.stream().sorted().toList());
    }
    return chosen;
  }

  /** One media role's provider or fallback chain, every element checked, normalised. */
  private static String chain(String role, String asked, ProviderCatalog catalog,
      AspectRatio aspect) {
    String field = "spec.providers." + role;
    ProviderChain chain;
    try {
      chain = ProviderChain.parse(asked.isBlank() ? catalog.defaultName(role) : asked);
    } catch (IllegalArgumentException e) {
      throw Statuses.invalid(field, e.getMessage());
    }
    List<String> known = catalog.names(role);
    List<String> missing = new ArrayList<>();
    for (ProviderChain.Link link : chain.links()) {
      if (!known.contains(link.name())) {
        throw Statuses.invalid(field, "unknown provider '" + link.name() + "'"
            + (chain.links().size() > 1 ? " in '" + asked.strip() + "'" : "") + "; known: "
            + known);
      }
      catalog.missing(role, link.name(), link.model())
          .or(() -> catalog.refuses(role, link.name(), link.model(), aspect))
          .ifPresent(missing::add);
    }
    if (missing.size() == chain.links().size()) {
      // Not one element is usable: refused now, not after the storyboard was paid for.
      List<String> free = known.stream().filter(n -> !catalog.paid(role, n)).toList();
      throw Status.FAILED_PRECONDITION.withDescription(field + ": " + String.join("; ", missing)
          + (free.isEmpty() ? "" : "; the built-in engines need nothing: " + free))
          .asRuntimeException();
    }
    return chain.text();
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
