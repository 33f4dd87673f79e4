package dev.reelmesh.orchestrator.provider.video;

import dev.reelmesh.v1.EngineInfo;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.Motion;
import dev.reelmesh.v1.RenderMotionClipRequest;
import dev.reelmesh.v1.RenderMotionClipResponse;
import io.grpc.Channel;
import java.util.concurrent.TimeUnit;

/**
 * The offline video engine: the camera move the clip's prompt names (push-in, pull-out, pan,
 * tilt, static) over its chosen start frame, rendered by the media service (reached only through
 * its stub). A start→end blend only where the prompt names no move: blending two framings of one
 * shot would show a double exposure.
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
  public Rendered render(ClipRequest request) {
    long started = System.nanoTime();
    RenderMotionClipRequest.Builder call = RenderMotionClipRequest.newBuilder()
        .setStartFrame(request.startFrame())
        .setDurationSeconds(request.durationSeconds())
        .setWidth(request.size().width())
        .setHeight(request.size().height())
        .setFps(request.fps())
        .setOutputPath(request.outputPath());
    Motion motion = motionFor(request.prompt() == null ? "" : request.prompt().getPrompt(),
        request.endFrame() != null);
    call.setMotion(motion);
    if (motion == Motion.MOTION_BLEND) {
      call.setEndFrame(request.endFrame());
    }
    RenderMotionClipResponse response = MediaServiceGrpc.newBlockingStub(media)
        .withDeadlineAfter(5, TimeUnit.MINUTES)
        .renderMotionClip(call.build());
    return new Rendered(response.getClip(), response.getProbe().getDurationSeconds(),
        EngineInfo.newBuilder().setEngine("motion").setModel("ffmpeg " + motion.name()
            .substring("MOTION_".length()).toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
            .setElapsedMs((System.nanoTime() - started) / 1e6).build());
  }

  /** Camera words and the move they ask for, first match wins (a "pan left" before a "pan"). */
  private static final java.util.List<java.util.Map.Entry<java.util.regex.Pattern, Motion>>
      MOVES = java.util.List.of(
          move("zoom out|pull[- ]?(back|out)|dolly out|reveal", Motion.MOTION_ZOOM_OUT),
          move("push[- ]?in|zoom in|dolly in|close[- ]?up|macro", Motion.MOTION_ZOOM_IN),
          move("pan(s|ning)? left", Motion.MOTION_PAN_LEFT),
          move("pan|pans|panning|glide|gliding|tracking|track", Motion.MOTION_PAN_RIGHT),
          move("tilt up|crane|rising camera|aerial", Motion.MOTION_PAN_UP),
          move("static", Motion.MOTION_STATIC));

  private static java.util.Map.Entry<java.util.regex.Pattern, Motion> move(String words,
      Motion motion) {
    return java.util.Map.entry(java.util.regex.Pattern.compile("\\b(" + words + ")\\b"),
        motion);
  }

  /** The move a clip prompt's camera words ask for; a blend (or a push-in) when none is named. */
  static Motion motionFor(String prompt, boolean hasEnd) {
    String p = prompt.toLowerCase(java.util.Locale.ROOT);
    for (var m : MOVES) {
      if (m.getKey().matcher(p).find()) {
        return m.getValue();
      }
    }
    return hasEnd ? Motion.MOTION_BLEND : Motion.MOTION_ZOOM_IN;
  }
}
