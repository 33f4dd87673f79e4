package dev.reelmesh.media;

import dev.reelmesh.v1.CaptionOptions;
import dev.reelmesh.v1.MixAudioRequest;
import dev.reelmesh.v1.MusicBed;
import dev.reelmesh.v1.NarrationSegment;
import dev.reelmesh.v1.StitchAudio;
import java.util.List;

/**
 * The audio part of a request, whichever RPC carries it: MixAudio has it at the top level,
 * Stitch under {@code audio}. {@code prefix} makes error messages name the field as the caller
 * wrote it ("audio.narration[0].start_seconds").
 */
record AudioRequest(String prefix, List<NarrationSegment> narration, MusicBed music,
    double narrationLufs, double targetLufs, double truePeakDb, CaptionOptions captions) {

  static AudioRequest of(MixAudioRequest r) {
    return new AudioRequest("", r.getNarrationList(), r.getMusic(), r.getNarrationLufs(),
        r.getTargetLufs(), r.getTruePeakDb(), r.getCaptions());
  }

  static AudioRequest of(StitchAudio a) {
    return new AudioRequest("audio.", a.getNarrationList(), a.getMusic(), a.getNarrationLufs(),
        a.getTargetLufs(), a.getTruePeakDb(), a.getCaptions());
  }

  String field(String name) {
    return prefix + name;
  }

  boolean wantsCaptions() {
    return captions.getWriteSrt() || captions.getBurnIn();
  }
}
