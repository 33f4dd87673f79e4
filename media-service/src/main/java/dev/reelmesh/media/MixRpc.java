package dev.reelmesh.media;

import dev.reelmesh.media.audio.AudioMixer;
import dev.reelmesh.media.audio.MixOutcome;
import dev.reelmesh.media.audio.MixSpec;
import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.WorkDir;
import dev.reelmesh.media.probe.MediaInfo;
import dev.reelmesh.media.probe.StreamMeta;
import dev.reelmesh.v1.MixAudioRequest;
import dev.reelmesh.v1.MixAudioResponse;
import java.nio.file.Path;

/** MixAudio: validate, mix (narration, ducked bed, normalisation) onto the video, captions. */
final class MixRpc {
  private final Toolkit kit;
  private final AudioMixer mixer;
  private final SoundtrackReader reader;

  MixRpc(Toolkit kit) {
    this.kit = kit;
    this.mixer = new AudioMixer(kit.runner());
    this.reader = new SoundtrackReader(kit);
  }

  MixAudioResponse handle(MixAudioRequest r, Cancellation cancel) {
    AudioRequest audio = AudioRequest.of(r);
    boolean hasVideo = r.hasVideo() && !r.getVideo().getUri().isEmpty();
    Path video = hasVideo ? kit.input("video", r.getVideo()) : null;
    MediaInfo videoInfo = hasVideo ? kit.video("video", video, cancel) : null;
    double seconds = hasVideo ? videoInfo.durationSeconds()
        : Fields.seconds("duration_seconds", r.getDurationSeconds(), 0, 3600, true);
    SoundtrackReader.Read read = reader.read(audio, seconds, hasVideo, cancel);

    Path output = kit.store().newOutput("output_path", r.getOutputPath(), "media",
        hasVideo ? ".mp4" : ".m4a");
    try (WorkDir work = new WorkDir("reelmesh-captions")) {
      String videoFilter = null;
      MixSpec.VideoFormat format = null;
      if (r.getCaptions().getBurnIn()) {
        StreamMeta v = videoInfo.video().orElseThrow();
        videoFilter = Captions.burnIn(kit, audio, read.cues(), v.height(), work.path());
        format = new MixSpec.VideoFormat(v.width(), v.height(), v.fps());
      }
      MixOutcome outcome = mixer.mix(new MixSpec(video, read.sound(), videoFilter, format,
          output), cancel);
      MixAudioResponse.Builder response = MixAudioResponse.newBuilder()
          .setOutput(kit.store().describe(outcome.output()))
          .setLoudness(LoudnessProtos.toProto(outcome.loudness()))
          .setDurationSeconds(kit.probe("output", outcome.output(), cancel).durationSeconds());
      if (r.getCaptions().getWriteSrt()) {
        response.setCaptionsSrt(Captions.writeSrt(kit, output, read.cues()));
      }
      return response.build();
    }
  }
}
