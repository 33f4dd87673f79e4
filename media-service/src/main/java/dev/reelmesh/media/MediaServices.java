package dev.reelmesh.media;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.common.config.MeshSettings;
import dev.reelmesh.media.ffmpeg.FfmpegBinaries;
import dev.reelmesh.media.ffmpeg.FfmpegRunner;
import dev.reelmesh.media.ffmpeg.JobPool;
import dev.reelmesh.media.probe.Prober;
import io.grpc.BindableService;
import java.util.List;

/** Everything the media-service serves, ready to bind to any server builder. */
public final class MediaServices {
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
    JobPool pool = new JobPool(config.poolSize());
    return List.of(new MediaGrpcService(kit, new Jobs(pool)));
  }
}
