package dev.reelmesh.media;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.common.server.BlockingCalls;
import dev.reelmesh.media.ffmpeg.FfmpegBinaries;
import dev.reelmesh.media.ffmpeg.FfmpegRunner;
import dev.reelmesh.media.probe.Prober;
import io.grpc.BindableService;
import java.time.Duration;
import java.util.List;

/** Everything the media-service serves, ready to bind to any server builder. */
public final class MediaServices {
  /** Jobs waiting for a worker; past this a call is RESOURCE_EXHAUSTED, not queued unboundedly. */
  static final int QUEUED_JOBS = 64;
  /** A call without a deadline: the longest stitch of a 10-minute video takes a few minutes. */
  static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(30);

  private MediaServices() {}

  public static List<BindableService> create(MeshSettings settings) {
    return create(MediaConfig.defaults(settings.artifactRoot()));
  }

  /**
   * With explicit tunables (pool size, upload limit, font). The FFmpeg binaries are extracted
   * lazily on the first job, so a machine without the natives still serves health and answers
   * each media call with FAILED_PRECONDITION naming the fix.
   */
  public static List<BindableService> create(MediaConfig config) {
    ArtifactStore store = new ArtifactStore(config.artifactRoot());
    FfmpegRunner runner = new FfmpegRunner(FfmpegBinaries::get);
    Toolkit kit = new Toolkit(store, runner, new Prober(runner), config);
    // The pool's threads are daemons; it lives as long as the service does.
    BlockingCalls pool = new BlockingCalls("media-service", config.poolSize(),
        QUEUED_JOBS, DEFAULT_DEADLINE);
    return List.of(new MediaGrpcService(kit, new Jobs(pool)));
  }
}
