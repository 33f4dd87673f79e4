package dev.reelmesh.orchestrator.provider.video;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.v1.Motion;
import org.junit.jupiter.api.Test;

/** The offline clip moves the camera its prompt names; it blends start to end only where a transition is asked. */
class MotionChoiceTest {
  @Test
  void theCameraWordsOfTheClipPromptChooseTheMove() {
    assertThat(MotionVideoProvider.motionFor("a mug on a desk, slow push-in camera", true))
        .isEqualTo(Motion.MOTION_ZOOM_IN);
    assertThat(MotionVideoProvider.motionFor("make it a close-up, static camera", true))
        .isEqualTo(Motion.MOTION_ZOOM_IN);
    assertThat(MotionVideoProvider.motionFor("a harbour, zoom out camera", true))
        .isEqualTo(Motion.MOTION_ZOOM_OUT);
    assertThat(MotionVideoProvider.motionFor("street, slow pan camera", true))
        .isEqualTo(Motion.MOTION_PAN_RIGHT);
    assertThat(MotionVideoProvider.motionFor("street, camera pans left", true))
        .isEqualTo(Motion.MOTION_PAN_LEFT);
    assertThat(MotionVideoProvider.motionFor("a kitchen, static camera", true))
        .isEqualTo(Motion.MOTION_STATIC);
    assertThat(MotionVideoProvider.motionFor("a kitchen at dawn", true))
        .isEqualTo(Motion.MOTION_ZOOM_IN);
    assertThat(MotionVideoProvider.motionFor("a kettle on a counter, slow glide", true))
        .isEqualTo(Motion.MOTION_GLIDE);
    assertThat(MotionVideoProvider.motionFor("a tower, camera tilts down", true))
        .isEqualTo(Motion.MOTION_PAN_DOWN);
    assertThat(MotionVideoProvider.motionFor("dawn becomes day over the bay", true))
        .isEqualTo(Motion.MOTION_BLEND);
    assertThat(MotionVideoProvider.motionFor("dawn becomes day over the bay", false))
        .isEqualTo(Motion.MOTION_ZOOM_IN);
    assertThat(MotionVideoProvider.motionFor("a kitchen at dawn", false))
        .isEqualTo(Motion.MOTION_ZOOM_IN);
  }
}
