package dev.reelmesh.orchestrator.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.reelmesh.v1.AspectRatio;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.QualityTier;
import dev.reelmesh.v1.UserReference;
import io.grpc.Status;
import dev.reelmesh.orchestrator.provider.catalog.StandardProviders;
import io.grpc.StatusRuntimeException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobSpecsTest {
  /** The engines this orchestrator has with no keys: the built-ins, every paid one unset. */
  static final ProviderCatalog NO_KEYS = StandardProviders.fromEnv(Map.of());

  private static JobSpec fill(JobSpec spec) {
    return JobSpecs.validateAndFill(spec, NO_KEYS);
  }

  private static JobSpec.Builder ok() {
    return JobSpec.newBuilder().setBrief("a kettle ad");
  }

  private static void assertRefused(JobSpec spec, Status.Code code, String field) {
    assertThatThrownBy(() -> fill(spec))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(code);
          assertThat(e.getStatus().getDescription()).startsWith(field);
        });
  }

  @Test
  void fillsDefaults() {
    JobSpec filled = fill(ok().build());
    assertThat(filled.getDurationSeconds()).isEqualTo(30);
    assertThat(filled.getVariations()).isEqualTo(4);
    assertThat(filled.getAspectRatio()).isEqualTo(AspectRatio.ASPECT_RATIO_16_9);
    assertThat(filled.getQualityTier()).isEqualTo(QualityTier.QUALITY_TIER_STANDARD);
    assertThat(filled.getMaxParallelClips()).isEqualTo(2);
    // Empty: the llm service's own configured engine (offline without a key).
    assertThat(filled.getProviders().getLlm()).isEmpty();
    assertThat(filled.getProviders().getImage()).isEqualTo("animatic");
    assertThat(filled.getProviders().getVideo()).isEqualTo("motion");
    assertThat(filled.getProviders().getSpeech()).isEqualTo("espeak");
    assertThat(filled.getMusic().getGenerated()).isTrue();
  }

  @Test
  void refusesEachBadFieldByName() {
    Status.Code invalid = Status.Code.INVALID_ARGUMENT;
    assertRefused(ok().setBrief("   ").build(), invalid, "spec.brief");
    assertRefused(ok().setBrief("x".repeat(4001)).build(), invalid, "spec.brief");
    assertRefused(ok().setDurationSeconds(-3).build(), invalid, "spec.duration_seconds");
    assertRefused(ok().setDurationSeconds(601).build(), invalid, "spec.duration_seconds");
    assertRefused(ok().setDurationSeconds(Double.NaN).build(), invalid, "spec.duration_seconds");
    assertRefused(ok().setAspectRatioValue(42).build(), invalid, "spec.aspect_ratio");
    assertRefused(ok().setVariations(17).build(), invalid, "spec.variations");
    assertRefused(ok().setVariations(-1).build(), invalid, "spec.variations");
    assertRefused(ok().setEnhancementRounds(9).build(), invalid, "spec.enhancement_rounds");
    assertRefused(ok().setBudgetCapMicros(-1).build(), invalid, "spec.budget_cap_micros");
    assertRefused(ok().setMaxParallelClips(9).build(), invalid, "spec.max_parallel_clips");
    assertRefused(ok().setPreferredClipSeconds(1.5).build(), invalid,
        "spec.preferred_clip_seconds");
    assertRefused(ok().setPreferredClipSeconds(12.5).build(), invalid,
        "spec.preferred_clip_seconds");
    assertRefused(ok().setPreferredClipSeconds(Double.NaN).build(), invalid,
        "spec.preferred_clip_seconds");
    JobSpec.Builder unknown = ok();
    unknown.getProvidersBuilder().setVideo("nonesuch");
    assertRefused(unknown.build(), invalid, "spec.providers.video");
    JobSpec.Builder empty = ok().addReferences(UserReference.newBuilder()
        .setImage(ImageSource.newBuilder().setData(ByteString.EMPTY)));
    assertRefused(empty.build(), invalid, "spec.references[0].image.data");
    JobSpec.Builder ftp = ok().addReferences(UserReference.newBuilder()
        .setImage(ImageSource.newBuilder().setUrl("ftp://x/y.png")));
    assertRefused(ftp.build(), invalid, "spec.references[0].image.url");
  }

  @Test
  void replicateNeedsItsSettingsAndIsAcceptedWithThem() {
    JobSpec.Builder spec = ok();
    spec.getProvidersBuilder().setVideo("replicate");
    assertRefused(spec.build(), Status.Code.FAILED_PRECONDITION, "spec.providers.video");
    assertThatThrownBy(() -> fill(spec.build()))
        .hasMessageContaining("spec.providers.video: provider 'replicate' needs "
            + "REPLICATE_API_TOKEN");
    ProviderCatalog replicate = StandardProviders.fromEnv(Map.of("REPLICATE_API_TOKEN", "r8_x",
        "REELMESH_REPLICATE_VIDEO_MODEL", "acme/i2v"));
    assertThat(JobSpecs.validateAndFill(spec.build(), replicate).getProviders().getVideo())
        .isEqualTo("replicate");
  }

  @Test
  void openAiNeedsTheKeyAndVideoAGatewayAndIsAcceptedWithThem() {
    JobSpec.Builder spec = ok();
    spec.getProvidersBuilder().setImage("openai").setVideo("openai").setSpeech("openai");
    assertRefused(spec.build(), Status.Code.FAILED_PRECONDITION, "spec.providers.image");
    assertThatThrownBy(() -> fill(spec.build())).hasMessageContaining("OPENAI_API_KEY");
    // A key alone serves images and speech; OpenAI's own Videos API is gone, so video needs
    // a gateway's base URL.
    ProviderCatalog keyOnly = StandardProviders.fromEnv(Map.of("OPENAI_API_KEY", "sk-x"));
    assertThatThrownBy(() -> JobSpecs.validateAndFill(spec.build(), keyOnly))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
          assertThat(e.getStatus().getDescription()).startsWith("spec.providers.video")
              .contains("OPENAI_VIDEO_BASE_URL").contains("2026-09-24");
        });
    ProviderCatalog gateway = StandardProviders.fromEnv(Map.of("OPENAI_API_KEY", "sk-x",
        "OPENAI_VIDEO_BASE_URL", "https://gateway.example/v1"));
    JobSpec filled = JobSpecs.validateAndFill(spec.build(), gateway);
    assertThat(filled.getProviders().getImage()).isEqualTo("openai");
    assertThat(filled.getProviders().getVideo()).isEqualTo("openai");
    assertThat(filled.getProviders().getSpeech()).isEqualTo("openai");
    // Sora-protocol video renders 16:9 and 9:16 only: a square job is refused before paying.
    JobSpec.Builder square = spec.clone().setAspectRatio(AspectRatio.ASPECT_RATIO_1_1);
    assertThatThrownBy(() -> JobSpecs.validateAndFill(square.build(), gateway))
        .hasMessageContaining("spec.providers.video").hasMessageContaining("does not render 1:1");
  }

  @Test
  void aFallbackChainIsCheckedElementByElementAndNormalised() {
    JobSpec.Builder spec = ok();
    spec.getProvidersBuilder().setVideo(" Replicate:acme/i2v , MOTION ");
    // Replicate is not configured, but motion is: the chain is accepted, in normal form.
    assertThat(fill(spec.build()).getProviders().getVideo())
        .isEqualTo("replicate:acme/i2v,motion");
    spec.getProvidersBuilder().setVideo("replicate,nonesuch:model-1,motion");
    assertThatThrownBy(() -> fill(spec.build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
          assertThat(e.getStatus().getDescription()).startsWith("spec.providers.video")
              .contains("'nonesuch'").contains("[motion, openai, replicate, fal, gemini, runway]");
        });
    for (String bad : new String[] {"motion,", ",motion", "replicate:,motion", "motion,motion",
        "replicate:bad model,motion", "motion,motion,motion,motion,motion,motion,motion"}) {
      spec.getProvidersBuilder().setVideo(bad);
      assertRefused(spec.build(), Status.Code.INVALID_ARGUMENT, "spec.providers.video");
    }
    // Not one element usable: refused with what each one needs.
    spec.getProvidersBuilder().setVideo("replicate,openai");
    assertThatThrownBy(() -> fill(spec.build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
          assertThat(e.getStatus().getDescription()).startsWith("spec.providers.video")
              .contains("REPLICATE_API_TOKEN").contains("OPENAI_VIDEO_BASE_URL")
              .contains("[motion]");
        });
    // A malformed model id for a provider is what it lacks, by name.
    spec.getProvidersBuilder().setVideo("replicate:not-a-model");
    assertThatThrownBy(() -> JobSpecs.validateAndFill(spec.build(), StandardProviders.fromEnv(
        Map.of("REPLICATE_API_TOKEN", "r8_x")))).hasMessageContaining("'not-a-model'");
  }

  @Test
  void onlyPaidChoicesArePaid() {
    assertThat(JobSpecs.paysForMedia(fill(ok().build()), NO_KEYS)).isFalse();
    JobSpec.Builder chain = ok();
    chain.getProvidersBuilder().setVideo("replicate,motion");
    assertThat(JobSpecs.paysForMedia(fill(chain.build()), NO_KEYS)).isTrue();
  }
}
