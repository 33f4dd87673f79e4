package dev.reelmesh.media;

import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.probe.MediaInfo;
import dev.reelmesh.v1.ProbeRequest;
import dev.reelmesh.v1.ProbeResponse;
import java.nio.file.Path;

/** Probe: ffprobe on one artifact, refused when truncated or when its first frames do not decode. */
final class ProbeRpc {
  private final Toolkit kit;

  ProbeRpc(Toolkit kit) {
    this.kit = kit;
  }

  ProbeResponse handle(ProbeRequest request, Cancellation cancel) {
    Path file = kit.input("media", request.getMedia());
    MediaInfo info = kit.probe("media", file, cancel);
    kit.decodable("media", file, cancel);
    return ProbeProtos.toProto(info);
  }
}
