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
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

class JobSpecsTest {
  private static JobSpec.Builder ok() {
    return JobSpec.newBuilder().setBrief("a kettle ad");
  }

  private static void assertRefused(JobSpec spec, Status.Code code, String field) {
    assertThatThrownBy(() -> JobSpecs.validateAndFill(spec))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(code);
          assertThat(e.getStatus().getDescription()).startsWith(field);
        });
  }

  @Test
  void fillsDefaults() {
    JobSpec filled = JobSpecs.validateAndFill(ok().build());
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
    JobSpec.Builder unknown = ok();
    unknown.getProvidersBuilder().setVideo("runway");
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
    assertThatThrownBy(() -> JobSpecs.validateAndFill(spec.build(),
        new PaidProviders(false, false, "provider 'replicate' needs REPLICATE_API_TOKEN")))
        .hasMessageContaining("spec.providers.video: provider 'replicate' needs "
            + "REPLICATE_API_TOKEN");
    assertThat(JobSpecs.validateAndFill(spec.build(), new PaidProviders(false, true, ""))
        .getProviders().getVideo()).isEqualTo("replicate");
  }

  @Test
  void openAiNeedsTheKeyAndIsAcceptedWithIt() {
    JobSpec.Builder spec = ok();
    spec.getProvidersBuilder().setImage("openai").setVideo("openai").setSpeech("openai");
    assertRefused(spec.build(), Status.Code.FAILED_PRECONDITION, "spec.providers.image");
    assertThatThrownBy(() -> JobSpecs.validateAndFill(spec.build()))
        .hasMessageContaining("OPENAI_API_KEY");
    JobSpec filled = JobSpecs.validateAndFill(spec.build(), true);
    assertThat(filled.getProviders().getImage()).isEqualTo("openai");
    assertThat(filled.getProviders().getVideo()).isEqualTo("openai");
    assertThat(filled.getProviders().getSpeech()).isEqualTo("openai");
  }
}
