package dev.reelmesh.media;

import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.motion.MotionClipRenderer;
import dev.reelmesh.media.motion.MotionKind;
import dev.reelmesh.media.motion.MotionSpec;
import dev.reelmesh.v1.RenderMotionClipRequest;
import dev.reelmesh.v1.RenderMotionClipResponse;
import java.nio.file.Path;

/** RenderMotionClip: request to {@link MotionSpec}, render, probe the result. */
final class MotionRpc {
  private final Toolkit kit;
  private final MotionClipRenderer renderer;

  MotionRpc(Toolkit kit) {
    this.kit = kit;
    this.renderer = new MotionClipRenderer(kit.runner());
  }

  RenderMotionClipResponse handle(RenderMotionClipRequest r, Cancellation cancel) {
    double duration = Fields.seconds("duration_seconds", r.getDurationSeconds(), 0, 60, true);
    boolean defaultSize = r.getWidth() == 0 && r.getHeight() == 0;
    int width = defaultSize ? 1280 : Fields.size("width", r.getWidth());
    int height = defaultSize ? 720 : Fields.size("height", r.getHeight());
    double fps = r.getFps() == 0 ? 24 : Fields.fps("fps", r.getFps());
    boolean hasEnd = r.hasEndFrame() && !r.getEndFrame().getUri().isEmpty();
    MotionKind motion = MotionProtos.kind("motion", r.getMotion(), hasEnd);
    Fields.require(motion != MotionKind.BLEND || hasEnd, "end_frame",
        "is required for MOTION_BLEND");
    Fields.require(Math.round(duration * fps) >= 1, "duration_seconds",
        "is shorter than one frame at " + fps + " fps");
    Path start = kit.input("start_frame", r.getStartFrame());
    Path end = hasEnd ? kit.input("end_frame", r.getEndFrame()) : null;
    Path output = kit.store().newOutput("output_path", r.getOutputPath(), "media", ".mp4");
    kit.image("start_frame", start, cancel);
    if (end != null) {
      kit.image("end_frame", end, cancel);
    }
    Path clip = renderer.render(new MotionSpec(start, motion == MotionKind.BLEND ? end : null,
        duration, width, height, fps, motion, output), cancel);
    return RenderMotionClipResponse.newBuilder()
        .setClip(kit.store().describe(clip, "video/mp4"))
        .setProbe(ProbeProtos.toProto(kit.probe("clip", clip, cancel)))
        .build();
  }
}
