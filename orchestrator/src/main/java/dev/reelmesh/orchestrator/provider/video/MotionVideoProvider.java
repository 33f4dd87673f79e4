package dev.reelmesh.orchestrator.provider.video;

import dev.reelmesh.v1.EngineInfo;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.Motion;
import dev.reelmesh.v1.RenderMotionClipRequest;
import dev.reelmesh.v1.RenderMotionClipResponse;
import io.grpc.Channel;
import java.util.concurrent.TimeUnit;

/**
 * The offline video engine: a start→end blend of the chosen storyboard frames, rendered by the
 * media service (reached only through its stub).
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
    if (request.endFrame() != null) {
      // The end frame already carries the shot's movement; blending keeps both frames on screen.
      call.setEndFrame(request.endFrame()).setMotion(Motion.MOTION_BLEND);
    } else {
      call.setMotion(Motion.MOTION_ZOOM_IN);
    }
    RenderMotionClipResponse response = MediaServiceGrpc.newBlockingStub(media)
        .withDeadlineAfter(5, TimeUnit.MINUTES)
        .renderMotionClip(call.build());
    return new Rendered(response.getClip(), response.getProbe().getDurationSeconds(),
        EngineInfo.newBuilder().setEngine("motion").setModel("ffmpeg blend")
            .setElapsedMs((System.nanoTime() - started) / 1e6).build());
  }
}
