package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.CaptionOptions;
import dev.reelmesh.v1.ContactSheetRequest;
import dev.reelmesh.v1.ContactSheetResponse;
import dev.reelmesh.v1.ContactSheetTile;
import dev.reelmesh.v1.ExtractFramesRequest;
import dev.reelmesh.v1.FrameResult;
import dev.reelmesh.v1.FrameVariation;
import dev.reelmesh.v1.ImageFormat;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.MusicBed;
import dev.reelmesh.v1.MusicChoice;
import dev.reelmesh.v1.NarrationSegment;
import dev.reelmesh.v1.StitchAudio;
import dev.reelmesh.v1.StitchEvent;
import dev.reelmesh.v1.StitchRequest;
import dev.reelmesh.v1.StitchResult;
import io.grpc.Status;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Clips stitched with dissolves (stills rendered with their camera moves in the same encode),
 * narration placed at clip starts, music ducked under it, loudness normalised, captions written
 * (one media call), thumbnail and storyboard sheet.
 */
final class AssembleStage {
  /**
   * How much of the assembly band the one Stitch call covers: the encode is most of the work;
   * the thumbnail and storyboard sheet are the rest.
   */
  static final double STITCHED = 5.0 / 7;

  private AssembleStage() {}

  record Assembled(ArtifactRef video, ArtifactRef captions, ArtifactRef thumbnail,
      ArtifactRef storyboard, double durationSeconds) {}

  static Assembled run(JobContext ctx, List<NarrationSegment> narration) {
    String run = "r" + ctx.generations.run();
    MediaServiceGrpc.MediaServiceBlockingStub media =
        MediaServiceGrpc.newBlockingStub(ctx.channels.media());
    MusicChoice music = ctx.spec.spec().getMusic();
    boolean anyAudio = !narration.isEmpty() || !music.getOff();
    // One media call does the whole assembly: dissolves, narration at clip starts, music ducked
    // under it, loudness to target, captions. The audio work overlaps the video encode.
    StitchResult assembled = ctx.memo().remember("assemble-" + run, StitchResult.parser(),
        () -> stitch(ctx, media, run, anyAudio ? soundtrack(ctx, narration, music) : null));
    Timeline.recordPreviews(ctx, assembled);
    if (assembled.hasLoudness()) {
      ctx.progress(STITCHED, String.format(
          "mixed: %.1f LUFS integrated, %.1f dBTP true peak",
          assembled.getLoudness().getIntegratedLufs(),
          assembled.getLoudness().getTruePeakDbtp()));
    }
    ctx.checkCancelled();
    ArtifactRef video = assembled.getVideo();
    ArtifactRef thumbnail = ctx.memo().remember("thumbnail-" + run, ArtifactRef.parser(),
        () -> media.withDeadlineAfter(2, TimeUnit.MINUTES).extractFrames(
            ExtractFramesRequest.newBuilder().setVideo(video)
                .addTimesSeconds(Math.min(1.0, assembled.getDurationSeconds() / 2))
                .setWidth(480).setFormat(ImageFormat.IMAGE_FORMAT_JPEG)
                .setOutputDir(ctx.path("thumbnail-" + run)).build())
            .getFrames(0).getImage());
    ArtifactRef storyboard = ctx.memo().remember("storyboard-" + run, ArtifactRef.parser(),
        () -> contactSheet(ctx, media, run).getSheet());
    ctx.progress(1, "thumbnail and storyboard sheet ready");
    return new Assembled(video, assembled.hasCaptionsSrt() ? assembled.getCaptionsSrt() : null,
        thumbnail, storyboard, assembled.getDurationSeconds());
  }

  /** Narration (spoken or caption-only), music and captions for the one-pass assembly. */
  private static StitchAudio soundtrack(JobContext ctx, List<NarrationSegment> narration,
      MusicChoice music) {
    StitchAudio.Builder audio = StitchAudio.newBuilder().addAllNarration(narration);
    if (music.hasFile()) {
      audio.setMusic(MusicBed.newBuilder().setFile(music.getFile()));
    } else if (!music.getOff()) {
      audio.setMusic(MusicBed.newBuilder().setGenerate(true));
    }
    if (!narration.isEmpty()) {
      boolean spoken = narration.stream().anyMatch(NarrationSegment::hasAudio);
      // Without a voice the captions carry the narration, so they are drawn onto the video.
      audio.setCaptions(CaptionOptions.newBuilder().setWriteSrt(true)
          .setBurnIn(ctx.spec.spec().getBurnCaptions() || !spoken));
    }
    return audio.build();
  }

  private static StitchResult stitch(JobContext ctx, MediaServiceGrpc.MediaServiceBlockingStub
      media, String run, StitchAudio audio) {
    StitchRequest.Builder request = StitchRequest.newBuilder()
        .setWidth(ctx.spec.frameSize().width())
        .setHeight(ctx.spec.frameSize().height())
        .setFps(ClipsStage.FPS)
        .setOutputPath(ctx.path("final-" + run + ".mp4"));
    Timeline.fill(ctx, request);
    if (audio != null) {
      request.setAudio(audio);
    }
    long stills = ctx.clips.stream().filter(dev.reelmesh.v1.ClipReady::hasStill).count();
    ctx.progress(0, "assembling " + ctx.clips.size() + " clips"
        + (stills > 0 ? " (" + stills + " rendered from stills in the same encode)" : "")
        + (audio != null ? " with narration, music and captions" : ""));
    Iterator<StitchEvent> events = media.withDeadlineAfter(10, TimeUnit.MINUTES)
        .stitch(request.build());
    while (events.hasNext()) {
      StitchEvent event = events.next();
      if (event.hasProgress()) {
        // The media service's own percent, 0–100: kept within it so it stays in the band.
        double stitched = Math.max(0, Math.min(100, event.getProgress().getPercent())) / 100;
        ctx.progress(STITCHED * stitched,
            String.format("assembling %.0f%%", event.getProgress().getPercent()));
      } else if (event.hasResult()) {
        return event.getResult();
      }
    }
    throw Status.INTERNAL.withDescription("MediaService.Stitch ended without a result")
        .asRuntimeException();
  }

  private static ContactSheetResponse contactSheet(JobContext ctx,
      MediaServiceGrpc.MediaServiceBlockingStub media, String run) {
    ContactSheetRequest.Builder request = ContactSheetRequest.newBuilder()
        // Four across, fewer for a one-clip job (the media service refuses empty columns).
        .setColumns(Math.min(4, ctx.frames.size())).setTileWidth(320)
        .setOutputPath(ctx.path("storyboard-" + run + ".png"));
    for (FrameResult frame : ctx.frames) {
      FrameVariation chosen = frame.getVariations(frame.getChosen());
      request.addTiles(ContactSheetTile.newBuilder().setImage(chosen.getImage())
          .setLabel(String.format("clip %d %s · %.1f", frame.getClipIndex() + 1,
              frame.getFrame() == dev.reelmesh.v1.FrameKind.FRAME_KIND_END ? "end" : "start",
              chosen.getOverall())));
    }
    return media.withDeadlineAfter(2, TimeUnit.MINUTES).contactSheet(request.build());
  }
}
