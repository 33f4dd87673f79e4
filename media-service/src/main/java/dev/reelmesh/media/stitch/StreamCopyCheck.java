package dev.reelmesh.media.stitch;

import dev.reelmesh.media.probe.MediaInfo;
import dev.reelmesh.media.probe.StreamMeta;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether clips can be joined by stream copy: only clip files (no stills), only cuts,
 * no clip trimmed shorter, and every clip already has the output's codecs, size, frame rate,
 * pixel format, aspect and audio layout. Anything else needs a re-encode, or the concat demuxer would produce a file players
 * choke on.
 */
final class StreamCopyCheck {
  private StreamCopyCheck() {}

  static boolean possible(StitchSpec spec) {
    if (spec.forceReencode() || spec.audio() != null || spec.videoFilter() != null
        || spec.cuts().stream().anyMatch(Cut::overlaps) || spec.clipsOnly().isEmpty()) {
      return false;
    }
    List<StitchClip> clips = spec.clipsOnly().get();
    // The concat demuxer copies whole files; a trim that removes more than a frame needs the
    // trim filter. One that removes less changes nothing the output frame grid can show.
    double frame = 1 / spec.fps();
    if (clips.stream().anyMatch(c -> c.probedSeconds() - c.seconds() > frame)) {
      return false;
    }
    MediaInfo first = clips.get(0).info();
    StreamMeta v0 = first.video().orElseThrow();
    if (v0.width() != spec.width() || v0.height() != spec.height()
        || Math.abs(v0.fps() - spec.fps()) > 0.01) {
      return false;
    }
    Optional<StreamMeta> a0 = first.audio();
    for (StitchClip clip : clips) {
      MediaInfo info = clip.info();
      if (info.streams().size() != first.streams().size()
          || !info.container().equals(first.container())) {
        return false;
      }
      StreamMeta v = info.video().orElseThrow();
      if (!v.codec().equals(v0.codec()) || v.width() != v0.width() || v.height() != v0.height()
          || Math.abs(v.fps() - v0.fps()) > 0.01 || !v.pixelFormat().equals(v0.pixelFormat())
          || !sar(v).equals(sar(v0))) {
        return false;
      }
      Optional<StreamMeta> a = info.audio();
      if (a.isPresent() != a0.isPresent()) {
        return false;
      }
      if (a.isPresent() && (!a.get().codec().equals(a0.get().codec())
          || a.get().sampleRate() != a0.get().sampleRate()
          || a.get().channels() != a0.get().channels())) {
        return false;
      }
    }
    // The output is MP4; the concat demuxer copies packets, so the inputs must be MP4 too.
    return first.container().contains("mp4");
  }

  private static String sar(StreamMeta v) {
    String s = v.sampleAspectRatio();
    return s.isEmpty() || s.equals("0:1") ? "1:1" : s;
  }
}
