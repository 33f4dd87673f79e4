package dev.reelmesh.media;

import dev.reelmesh.common.error.Unimplemented;
import dev.reelmesh.v1.ContactSheetRequest;
import dev.reelmesh.v1.ContactSheetResponse;
import dev.reelmesh.v1.DownloadChunk;
import dev.reelmesh.v1.DownloadRequest;
import dev.reelmesh.v1.ExtractFramesRequest;
import dev.reelmesh.v1.ExtractFramesResponse;
import dev.reelmesh.v1.MixAudioRequest;
import dev.reelmesh.v1.MixAudioResponse;
import dev.reelmesh.v1.ProbeRequest;
import dev.reelmesh.v1.ProbeResponse;
import dev.reelmesh.v1.RenderMotionClipRequest;
import dev.reelmesh.v1.RenderMotionClipResponse;
import dev.reelmesh.v1.StitchEvent;
import dev.reelmesh.v1.StitchRequest;
import dev.reelmesh.v1.UploadChunk;
import dev.reelmesh.v1.UploadResponse;
import dev.reelmesh.v1.MediaServiceGrpc;
import io.grpc.stub.StreamObserver;

/** The gRPC edge of reelmesh.v1.MediaService. Every RPC names what is still missing. */
final class MediaGrpcService extends MediaServiceGrpc.MediaServiceImplBase {
  @Override
  public void probe(ProbeRequest request, StreamObserver<ProbeResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("Probe", "media probing arrives with the media-service issue (#5)"));
  }

  @Override
  public void renderMotionClip(RenderMotionClipRequest request, StreamObserver<RenderMotionClipResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("RenderMotionClip", "motion clip rendering arrives with the media-service issue (#5)"));
  }

  @Override
  public void stitch(StitchRequest request, StreamObserver<StitchEvent> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("Stitch", "stitching arrives with the media-service issue (#5)"));
  }

  @Override
  public void mixAudio(MixAudioRequest request, StreamObserver<MixAudioResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("MixAudio", "the audio mix arrives with the media-service issue (#5)"));
  }

  @Override
  public void extractFrames(ExtractFramesRequest request, StreamObserver<ExtractFramesResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("ExtractFrames", "frame extraction arrives with the media-service issue (#5)"));
  }

  @Override
  public void contactSheet(ContactSheetRequest request, StreamObserver<ContactSheetResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("ContactSheet", "contact sheets arrives with the media-service issue (#5)"));
  }

  @Override
  public void download(DownloadRequest request, StreamObserver<DownloadChunk> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("Download", "artifact download arrives with the media-service issue (#5)"));
  }

  @Override
  public StreamObserver<UploadChunk> upload(StreamObserver<UploadResponse> responseObserver) {
    responseObserver.onError(Unimplemented.rpc("Upload", "artifact upload arrives with the media-service issue (#5)"));
    return new StreamObserver<>() {
      @Override
      public void onNext(UploadChunk value) {}

      @Override
      public void onError(Throwable t) {}

      @Override
      public void onCompleted() {}
    };
  }
}
