package dev.reelmesh.orchestrator.provider.video;

import dev.reelmesh.v1.EngineInfo;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.Motion;
import dev.reelmesh.v1.RenderMotionClipRequest;
import dev.reelmesh.v1.RenderMotionClipResponse;
import dev.reelmesh.v1.StillMotion;
import io.grpc.Channel;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The offline video engine: the camera move the clip's prompt names (push-in, pull-out, pan,
 * tilt, glide, static) over its chosen start frame. A job hands it to the final Stitch as a still
 * segment ({@link #still}), rendered in that one encode; {@link #render} makes a clip file of the
 * same move through the media service for callers that need one. A start→end blend only where
 * the prompt asks for a transition: blending two framings of one shot shows a double exposure.
 */
public final class MotionVideoProvider implements VideoProvider {
  private final Channel media;

  public MotionVideoProvider(Channel media) {
    this.media = media;
  }

  @Override
  public String name() {
    return "motion";
  }

  @Override
  public Optional<Still> still(ClipRequest request) {
    Motion motion = motionFor(request);
    StillMotion.Builder still = StillMotion.newBuilder().setStartFrame(request.startFrame())
        .setMotion(motion);
    if (motion == Motion.MOTION_BLEND) {
      still.setEndFrame(request.endFrame());
    }
    return Optional.of(new Still(still.build(), EngineInfo.newBuilder().setEngine(name())
        .setModel(model(motion) + " (still, rendered in the final encode)").build()));
  }

  @Override
  public Rendered render(ClipRequest request) {
    long started = System.nanoTime();
    RenderMotionClipRequest.Builder call = RenderMotionClipRequest.newBuilder()
        .setStartFrame(request.startFrame())
        .setDurationSeconds(request.durationSeconds())
        .setWidth(request.size().width())
        .setHeight(request.size().height())
        .setFps(request.fps())
        .setOutputPath(request.outputPath());
    Motion motion = motionFor(request);
    call.setMotion(motion);
    if (motion == Motion.MOTION_BLEND) {
      call.setEndFrame(request.endFrame());
    }
    RenderMotionClipResponse response = MediaServiceGrpc.newBlockingStub(media)
        .withDeadlineAfter(5, TimeUnit.MINUTES)
        .renderMotionClip(call.build());
    return new Rendered(response.getClip(), response.getProbe().getDurationSeconds(),
        EngineInfo.newBuilder().setEngine(name()).setModel(model(motion))
            .setElapsedMs((System.nanoTime() - started) / 1e6).build());
  }

  private static Motion motionFor(ClipRequest request) {
    return motionFor(request.prompt() == null ? "" : request.prompt().getPrompt(),
        request.endFrame() != null);
  }

  /** "ffmpeg push-in" and the like: the move by the name the engine info reports. */
  private static String model(Motion motion) {
    return "ffmpeg " + MotionNames.of(motion);
  }

  /**
   * The move a clip prompt's camera words ask for; a push-in when none is named. A start→end
   * blend only when the prompt asks for a transition and there is an end frame.
   */
  static Motion motionFor(String prompt, boolean hasEnd) {
    String p = prompt.toLowerCase(java.util.Locale.ROOT);
    if (hasEnd && p.matches(
        "(?s).*\\b(morph(s|ing)?|transforms?|transition(s|ing)? (in)?to|turns? into|becomes?|"
            + "dissolves? into)\\b.*")) {
      return Motion.MOTION_BLEND;
    }
    if (p.matches("(?s).*\\b(zoom out|pull[- ]?(back|out)|dolly out|reveal)\\b.*")) {
      return Motion.MOTION_ZOOM_OUT;
    }
    if (p.matches("(?s).*\\b(push[- ]?in|zoom in|dolly in|close[- ]?up|macro)\\b.*")) {
      return Motion.MOTION_ZOOM_IN;
    }
    if (p.matches("(?s).*\\bpan(s|ning)? left\\b.*")) {
      return Motion.MOTION_PAN_LEFT;
    }
    if (p.matches("(?s).*\\b(glide|gliding|slider|dolly)\\b.*")) {
      return Motion.MOTION_GLIDE;
    }
    if (p.matches("(?s).*\\btilt(s|ing)? down\\b.*")) {
      return Motion.MOTION_PAN_DOWN;
    }
    if (p.matches("(?s).*\\b(pan|pans|panning|tracking|track)\\b.*")) {
      return Motion.MOTION_PAN_RIGHT;
    }
    if (p.matches("(?s).*\\b(tilt up|crane|rising camera|aerial)\\b.*")) {
      return Motion.MOTION_PAN_UP;
    }
    if (p.matches("(?s).*\\bstatic\\b.*")) {
      return Motion.MOTION_STATIC;
    }
    return Motion.MOTION_ZOOM_IN;
  }
}
