package dev.reelmesh.orchestrator.mesh;

import dev.reelmesh.media.ffmpeg.FfmpegBinaries;
import dev.reelmesh.orchestrator.provider.image.AnimaticImageProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the natives a job needs (the bundled FFmpeg's extraction and libraries, Java2D and the
 * animatic's font) on a thread of their own while the mesh starts, so neither start-up nor the
 * first job waits for them. Each is loaded once per process; if one cannot load, the call that
 * needs it fails with its own precise status, so here it is only logged.
 */
final class Warmup {
  private static final Logger log = LoggerFactory.getLogger(Warmup.class);

  private Warmup() {}

  static void inBackground() {
    Thread thread = new Thread(Warmup::run, "reelmesh-warmup");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    try {
      FfmpegBinaries.get();
    } catch (RuntimeException e) {
      log.debug("FFmpeg not preloaded (the first media call reports why): {}", e.toString());
    }
    try {
      AnimaticImageProvider.warmUp();
    } catch (Exception | LinkageError e) {
      log.debug("animatic not warmed up (the first frame reports why): {}", e.toString());
    }
  }
}
