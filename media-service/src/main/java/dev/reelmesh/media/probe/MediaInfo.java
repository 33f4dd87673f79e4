package dev.reelmesh.media.probe;

import java.util.List;
import java.util.Optional;

/** What ffprobe says about a file. */
public record MediaInfo(double durationSeconds, String container, List<StreamMeta> streams,
    long sizeBytes, long bitRate) {

  public Optional<StreamMeta> video() {
    return streams.stream().filter(StreamMeta::isVideo).findFirst();
  }

  public Optional<StreamMeta> audio() {
    return streams.stream().filter(StreamMeta::isAudio).findFirst();
  }
}
