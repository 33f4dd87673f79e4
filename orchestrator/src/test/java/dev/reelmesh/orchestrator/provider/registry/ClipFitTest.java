package dev.reelmesh.orchestrator.provider.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.spec.FrameSize;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.AspectRatio;
import dev.reelmesh.v1.ClipPrompt;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A clip is asked of a provider only in terms its model takes. */
class ClipFitTest {
  static final Capabilities KLING = new Capabilities(List.of(5, 10), 5, 10,
      Map.of(AspectRatio.ASPECT_RATIO_16_9, "1280x720", AspectRatio.ASPECT_RATIO_9_16,
          "720x1280"), true, false, 0, false, 40);

  static ClipRequest clip(double seconds, FrameSize size) {
    return new ClipRequest(2, ArtifactRef.newBuilder().setUri("a.png").build(),
        ArtifactRef.newBuilder().setUri("b.png").build(), seconds, size, 24,
        ClipPrompt.newBuilder().setPrompt("slow push-in on a ceramic kettle pouring at dawn "
            + "light").setNegativePrompt("blur").build(), "clips/c.mp4", "clip-2-g0");
  }

  @Test
  void lengthSizeFramesAndPromptFollowTheModel() {
    ClipRequest fitted = ClipFit.fit(KLING, "fal:kling-2.1", clip(5.4, new FrameSize(640, 360)));
    assertThat(fitted.durationSeconds()).isEqualTo(10);
    assertThat(fitted.size()).isEqualTo(new FrameSize(1280, 720));
    assertThat(fitted.endFrame()).as("the model takes no end frame").isNull();
    assertThat(fitted.startFrame().getUri()).isEqualTo("a.png");
    assertThat(fitted.prompt().getNegativePrompt()).isEmpty();
    assertThat(fitted.prompt().getPrompt()).hasSizeLessThanOrEqualTo(40)
        .isEqualTo("slow push-in on a ceramic kettle pouring");
    assertThat(fitted.stepKey()).isEqualTo("clip-2-g0");
    assertThat(ClipFit.fit(KLING, "k", clip(4.2, new FrameSize(360, 640))).size())
        .isEqualTo(new FrameSize(720, 1280));
    // No stated limits: asked exactly as planned.
    ClipRequest any = ClipFit.fit(Capabilities.any(), "motion", clip(5.4, new FrameSize(640,
        360)));
    assertThat(any.durationSeconds()).isEqualTo(5.4);
    assertThat(any.endFrame()).isNotNull();
    assertThat(any.prompt().getNegativePrompt()).isEqualTo("blur");
  }

  @Test
  void tooLongOrTheWrongAspectIsRefusedBeforeAnythingIsPaid() {
    assertThatThrownBy(() -> ClipFit.fit(KLING, "fal:kling-2.1", clip(10.6,
        new FrameSize(640, 360))))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
          assertThat(e.getStatus().getDescription()).contains("clip 3").contains("10.60 s")
              .contains("fal:kling-2.1").contains("at most 10 s");
        });
    assertThatThrownBy(() -> ClipFit.fit(KLING, "fal:kling-2.1", clip(4, new FrameSize(360,
        360))))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
          assertThat(e.getStatus().getDescription()).contains("1:1").contains("[16:9, 9:16]");
        });
  }
}
