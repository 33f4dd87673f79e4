package dev.reelmesh.media;

import dev.reelmesh.media.probe.MediaInfo;
import dev.reelmesh.media.probe.StreamMeta;
import dev.reelmesh.v1.ProbeResponse;
import dev.reelmesh.v1.StreamInfo;

/** MediaInfo to the wire. */
final class ProbeProtos {
  private ProbeProtos() {}

  static ProbeResponse toProto(MediaInfo info) {
    ProbeResponse.Builder b = ProbeResponse.newBuilder()
        .setDurationSeconds(info.durationSeconds())
        .setContainer(info.container())
        .setSizeBytes(info.sizeBytes())
        .setBitRate(info.bitRate());
    for (StreamMeta s : info.streams()) {
      b.addStreams(StreamInfo.newBuilder()
          .setIndex(s.index()).setType(s.type()).setCodec(s.codec())
          .setWidth(s.width()).setHeight(s.height()).setFps(s.fps())
          .setSampleRate(s.sampleRate()).setChannels(s.channels())
          .setDurationSeconds(s.durationSeconds()).setPixelFormat(s.pixelFormat())
          .setSampleAspectRatio(s.sampleAspectRatio()));
    }
    return b.build();
  }
}
