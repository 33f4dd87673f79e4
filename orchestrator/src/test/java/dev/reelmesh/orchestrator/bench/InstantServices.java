package dev.reelmesh.orchestrator.bench;

import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.ClipPrompt;
import dev.reelmesh.v1.ClipPrompts;
import dev.reelmesh.v1.ContactSheetRequest;
import dev.reelmesh.v1.ContactSheetResponse;
import dev.reelmesh.v1.ExtractFramesRequest;
import dev.reelmesh.v1.ExtractFramesResponse;
import dev.reelmesh.v1.ExtractedFrame;
import dev.reelmesh.v1.GenerateClipPromptsRequest;
import dev.reelmesh.v1.GenerateClipPromptsResponse;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.MixAudioRequest;
import dev.reelmesh.v1.MixAudioResponse;
import dev.reelmesh.v1.PlanScriptRequest;
import dev.reelmesh.v1.PlanScriptResponse;
import dev.reelmesh.v1.PlannedClip;
import dev.reelmesh.v1.ProbeResponse;
import dev.reelmesh.v1.RankVariationsRequest;
import dev.reelmesh.v1.RankVariationsResponse;
import dev.reelmesh.v1.RankedVariation;
import dev.reelmesh.v1.RenderMotionClipRequest;
import dev.reelmesh.v1.RenderMotionClipResponse;
import dev.reelmesh.v1.ScenePlan;
import dev.reelmesh.v1.ScoringServiceGrpc;
import dev.reelmesh.v1.StitchEvent;
import dev.reelmesh.v1.StitchRequest;
import dev.reelmesh.v1.StitchResult;
import io.grpc.stub.StreamObserver;

/**
 * Services that answer at once with well-formed results, so a benchmark measures the job engine
 * itself (scheduling, persistence, event streaming) and nothing else.
 */
final class InstantServices {
  private InstantServices() {}

  static final class Llm extends LlmServiceGrpc.LlmServiceImplBase {
    @Override
    public void planScript(PlanScriptRequest request, StreamObserver<PlanScriptResponse> out) {
      ScenePlan.Builder plan = ScenePlan.newBuilder().setBrief(request.getBrief())
          .setDurationSeconds(request.getDurationSeconds()).setTitle("bench");
      int clips = (int) Math.max(1, Math.round(request.getDurationSeconds() / 4));
      double length = request.getDurationSeconds() / clips;
      for (int i = 0; i < clips; i++) {
        plan.addClips(PlannedClip.newBuilder().setIndex(i).setStartSeconds(i * length)
            .setEndSeconds((i + 1) * length).setVisualDescription("shot " + i));
      }
      out.onNext(PlanScriptResponse.newBuilder().setPlan(plan).build());
      out.onCompleted();
    }

    @Override
    public void generateClipPrompts(GenerateClipPromptsRequest request,
        StreamObserver<GenerateClipPromptsResponse> out) {
      ClipPrompts.Builder prompts = ClipPrompts.newBuilder();
      for (PlannedClip clip : request.getPlan().getClipsList()) {
        prompts.addPrompts(ClipPrompt.newBuilder().setClipIndex(clip.getIndex())
            .setPrompt(clip.getVisualDescription()));
      }
      out.onNext(GenerateClipPromptsResponse.newBuilder().setPrompts(prompts).build());
      out.onCompleted();
    }
  }

  static final class Scoring extends ScoringServiceGrpc.ScoringServiceImplBase {
    @Override
    public void rankVariations(RankVariationsRequest request,
        StreamObserver<RankVariationsResponse> out) {
      RankVariationsResponse.Builder ranked = RankVariationsResponse.newBuilder();
      for (int i = 0; i < request.getImagesCount(); i++) {
        ranked.addRanked(RankedVariation.newBuilder().setImageIndex(i).setRank(i + 1)
            .setOverall(90 - i));
      }
      out.onNext(ranked.setBestIndex(0).build());
      out.onCompleted();
    }
  }

  static final class Media extends MediaServiceGrpc.MediaServiceImplBase {
    private static ArtifactRef ref(String uri) {
      return ArtifactRef.newBuilder().setUri(uri).setMediaType("video/mp4").build();
    }

    @Override
    public void renderMotionClip(RenderMotionClipRequest request,
        StreamObserver<RenderMotionClipResponse> out) {
      out.onNext(RenderMotionClipResponse.newBuilder().setClip(ref(request.getOutputPath()))
          .setProbe(ProbeResponse.newBuilder().setDurationSeconds(request.getDurationSeconds()))
          .build());
      out.onCompleted();
    }

    @Override
    public void stitch(StitchRequest request, StreamObserver<StitchEvent> out) {
      StitchResult.Builder result = StitchResult.newBuilder()
          .setVideo(ref(request.getOutputPath())).setDurationSeconds(1);
      // Each still segment asks for its low-resolution preview: one, at once.
      for (int i = 0; i < request.getSegmentsCount(); i++) {
        if (!request.getSegments(i).getPreviewPath().isEmpty()) {
          result.addPreviews(dev.reelmesh.v1.SegmentPreview.newBuilder().setSegment(i)
              .setVideo(ref(request.getSegments(i).getPreviewPath())));
        }
      }
      out.onNext(StitchEvent.newBuilder().setResult(result).build());
      out.onCompleted();
    }

    @Override
    public void mixAudio(MixAudioRequest request, StreamObserver<MixAudioResponse> out) {
      out.onNext(MixAudioResponse.newBuilder().setOutput(ref(request.getOutputPath()))
          .setDurationSeconds(1).build());
      out.onCompleted();
    }

    @Override
    public void extractFrames(ExtractFramesRequest request,
        StreamObserver<ExtractFramesResponse> out) {
      out.onNext(ExtractFramesResponse.newBuilder().addFrames(ExtractedFrame.newBuilder()
          .setImage(ref(request.getOutputDir() + "/thumb.jpg"))).build());
      out.onCompleted();
    }

    @Override
    public void contactSheet(ContactSheetRequest request,
        StreamObserver<ContactSheetResponse> out) {
      out.onNext(ContactSheetResponse.newBuilder().setSheet(ref(request.getOutputPath()))
          .build());
      out.onCompleted();
    }
  }
}
