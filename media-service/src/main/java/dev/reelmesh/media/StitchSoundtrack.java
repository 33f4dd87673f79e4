package dev.reelmesh.media;

import dev.reelmesh.media.audio.PreparedMix;
import dev.reelmesh.media.audio.Premixer;
import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.WorkDir;
import dev.reelmesh.media.stitch.AudioOverride;
import dev.reelmesh.v1.StitchAudio;
import dev.reelmesh.v1.StitchResult;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code audio} of a Stitch: the same soundtrack MixAudio makes (same validation, same
 * {@link Premixer}), handed to the stitch's one encode as its sound, with captions drawn over
 * the picture. Holds the rendered mix and caption files until closed.
 */
final class StitchSoundtrack implements AutoCloseable {
  private final WorkDir work;
  private final AudioRequest request;
  private final SoundtrackReader.Read read;
  private final AudioOverride override;
  private final String videoFilter;

  private StitchSoundtrack(WorkDir work, AudioRequest request, SoundtrackReader.Read read,
      AudioOverride override, String videoFilter) {
    this.work = work;
    this.request = request;
    this.read = read;
    this.override = override;
    this.videoFilter = videoFilter;
  }

  /**
   * Validates {@code a} against the stitched length {@code seconds}, then renders the mix
   * (audio-only passes; see {@link Premixer}). The mix becomes input {@code inputIndex} of the
   * stitch (the segments read the ones before it).
   */
  static StitchSoundtrack prepare(Toolkit kit, StitchAudio a, double seconds, int inputIndex,
      int height, Cancellation cancel) {
    AudioRequest request = AudioRequest.of(a);
    SoundtrackReader.Read read = new SoundtrackReader(kit).read(request, seconds, true, cancel);
    WorkDir work = new WorkDir("reelmesh-stitch-audio");
    try {
      String videoFilter = request.captions().getBurnIn()
          ? Captions.burnIn(kit, request, read.cues(), height, work.path()) : null;
      PreparedMix mix = new Premixer(kit.runner()).prepare(read.sound(), work.path(), cancel);
      AudioOverride override = new AudioOverride(List.of("-i", mix.wav().toString()),
          mix.graph(inputIndex), PreparedMix.meterOutput());
      return new StitchSoundtrack(work, request, read, override, videoFilter);
    } catch (RuntimeException e) {
      work.close();
      throw e;
    }
  }

  AudioOverride override() {
    return override;
  }

  /** The burn-in chain, or null. */
  String videoFilter() {
    return videoFilter;
  }

  /** Adds what the soundtrack produced to the stitch's result: loudness, and the SRT. */
  void describe(Toolkit kit, String stitchLog, Path output, StitchResult.Builder result) {
    result.setLoudness(LoudnessProtos.toProto(PreparedMix.loudness(stitchLog)));
    if (request.captions().getWriteSrt()) {
      result.setCaptionsSrt(Captions.writeSrt(kit, output, read.cues()));
    }
  }

  @Override
  public void close() {
    work.close();
  }
}
