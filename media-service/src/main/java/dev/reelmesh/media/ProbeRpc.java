package dev.reelmesh.media;

import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.v1.ProbeRequest;
import dev.reelmesh.v1.ProbeResponse;

/** Probe: ffprobe on one artifact. */
final class ProbeRpc {
  private final Toolkit kit;

  ProbeRpc(Toolkit kit) {
    this.kit = kit;
  }

  ProbeResponse handle(ProbeRequest request, Cancellation cancel) {
    return ProbeProtos.toProto(kit.probe("media", kit.input("media", request.getMedia()), cancel));
  }
}
