package dev.reelmesh.media;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.media.transfer.DownloadSender;
import dev.reelmesh.media.transfer.UploadReceiver;
import dev.reelmesh.v1.AnalyzeMusicRequest;
import dev.reelmesh.v1.AnalyzeMusicResponse;
import dev.reelmesh.v1.ContactSheetRequest;
import dev.reelmesh.v1.ContactSheetResponse;
import dev.reelmesh.v1.DownloadChunk;
import dev.reelmesh.v1.DownloadRequest;
import dev.reelmesh.v1.ExtractFramesRequest;
import dev.reelmesh.v1.ExtractFramesResponse;
import dev.reelmesh.v1.MediaServiceGrpc;
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
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;

/**
 * The gRPC edge of reelmesh.v1.MediaService. Each RPC's conversion and validation lives in its
 * own handler; the FFmpeg work runs on the bounded pool through {@link Jobs}.
 */
final class MediaGrpcService extends MediaServiceGrpc.MediaServiceImplBase {
  private final Toolkit kit;
  private final Jobs jobs;
  private final ProbeRpc probe;
  private final MotionRpc motion;
  private final StitchRpc stitch;
  private final MixRpc mix;
  private final FramesRpc frames;
  private final MusicRpc music;

  MediaGrpcService(Toolkit kit, Jobs jobs) {
    this.kit = kit;
    this.jobs = jobs;
    this.probe = new ProbeRpc(kit);
    this.motion = new MotionRpc(kit);
    this.stitch = new StitchRpc(kit);
    this.mix = new MixRpc(kit);
    this.frames = new FramesRpc(kit);
    this.music = new MusicRpc(kit);
  }

  @Override
  public void probe(ProbeRequest request, StreamObserver<ProbeResponse> observer) {
    jobs.run(observer, cancel -> probe.handle(request, cancel));
  }

  @Override
  public void renderMotionClip(RenderMotionClipRequest request,
      StreamObserver<RenderMotionClipResponse> observer) {
    jobs.run(observer, cancel -> motion.handle(request, cancel));
  }

  @Override
  public void stitch(StitchRequest request, StreamObserver<StitchEvent> observer) {
    jobs.run(observer, cancel -> stitch.handle(request, cancel, observer));
  }

  @Override
  public void mixAudio(MixAudioRequest request, StreamObserver<MixAudioResponse> observer) {
    jobs.run(observer, cancel -> mix.handle(request, cancel));
  }

  @Override
  public void extractFrames(ExtractFramesRequest request,
      StreamObserver<ExtractFramesResponse> observer) {
    jobs.run(observer, cancel -> frames.extract(request, cancel));
  }

  @Override
  public void contactSheet(ContactSheetRequest request,
      StreamObserver<ContactSheetResponse> observer) {
    jobs.run(observer, cancel -> frames.sheet(request, cancel));
  }

  @Override
  public void analyzeMusic(AnalyzeMusicRequest request,
      StreamObserver<AnalyzeMusicResponse> observer) {
    jobs.run(observer, cancel -> music.handle(request, cancel));
  }

  @Override
  public void download(DownloadRequest request, StreamObserver<DownloadChunk> observer) {
    // Reading a local file chunk by chunk under flow control; no FFmpeg, so not on the pool.
    try {
      int chunk = request.getChunkSize() == 0 ? 1024 * 1024 : request.getChunkSize();
      Fields.require(chunk >= 1024 && chunk <= UploadReceiver.MAX_CHUNK, "chunk_size",
          "must be in [1 KiB, 4 MiB], got " + request.getChunkSize());
      Path file = kit.input("artifact", request.getArtifact());
      DownloadSender.start((ServerCallStreamObserver<DownloadChunk>) observer, file,
          request.getArtifact(), kit.store().describe(file, request.getArtifact().getMediaType()),
          chunk);
    } catch (Exception e) {
      observer.onError(Statuses.toException(e));
    }
  }

  @Override
  public StreamObserver<UploadChunk> upload(StreamObserver<UploadResponse> observer) {
    return new UploadReceiver(kit.store(), kit.config().maxUploadBytes(), observer);
  }
}
