package dev.reelmesh.media;

import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.probe.MediaInfo;
import dev.reelmesh.media.stitch.StitchClip;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Probes a stitch's clips a few at a time. One ffprobe is mostly process start-up and waiting
 * for the disk, so eight in a row cost a third of a second before any encoding starts; side by
 * side they cost a fraction. Errors come back as for sequential probing: the first failing clip
 * in request order, with its own status.
 */
final class ClipProbes {
  private static final AtomicInteger THREADS = new AtomicInteger();
  /** Shared by all calls; daemons, like the job pool's, living as long as the service. */
  private static final ExecutorService PROBES = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "media-probe-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  private ClipProbes() {}

  /** {@code paths} are resolved already; clip i is named {@code clips[i]} in errors. */
  static List<StitchClip> probe(Toolkit kit, List<Path> paths, Cancellation cancel) {
    List<CompletableFuture<MediaInfo>> probes = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      String field = "clips[" + i + "]";
      Path path = paths.get(i);
      probes.add(CompletableFuture.supplyAsync(() -> kit.video(field, path, cancel), PROBES));
    }
    List<StitchClip> clips = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      try {
        clips.add(new StitchClip("clips[" + i + "]", paths.get(i), probes.get(i).join()));
      } catch (CompletionException e) {
        probes.forEach(p -> p.cancel(false));
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    return clips;
  }
}
