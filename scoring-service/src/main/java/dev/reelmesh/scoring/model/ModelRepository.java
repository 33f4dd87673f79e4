package dev.reelmesh.scoring.model;

import dev.reelmesh.scoring.ScoringConfig;
import dev.reelmesh.scoring.batch.RequestGauge;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Triton-like model repository: {@code <root>/<name>/model.json} and
 * {@code <root>/<name>/<version>/model.onnx}. The newest loadable version serves. A poll watcher
 * and the Load/Unload RPCs swap versions while requests run: requests in flight keep their
 * version until they finish, new ones get the new version, and a version that fails to load
 * never replaces one that works.
 */
public final class ModelRepository implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ModelRepository.class);

  private final Path root;
  private final ScoringConfig config;
  private final ModelLoader loader;
  private final Map<String, ModelEntry> entries = new ConcurrentSkipListMap<>();
  private final ScheduledExecutorService watcher;
  private volatile ReadinessListener readiness = ReadinessListener.NONE;
  private final Object scanLock = new Object();
  private final Set<String> oddNames = ConcurrentHashMap.newKeySet();
  private volatile CompletableFuture<Void> firstScan = CompletableFuture.completedFuture(null);

  public ModelRepository(Path root, ScoringConfig config) {
    this(root, config, new RequestGauge());
  }

  /** {@code requests} lets image batchers see how many requests are on their way. */
  public ModelRepository(Path root, ScoringConfig config, RequestGauge requests) {
    this.root = root.toAbsolutePath().normalize();
    this.config = config;
    this.loader = new ModelLoader(config, requests);
    this.watcher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "model-watcher");
      t.setDaemon(true);
      return t;
    });
  }

  public Path root() {
    return root;
  }

  /** Loads what is on disk now, then polls for changes every {@code pollInterval}. */
  public void start() {
    scan();
    poll();
  }

  /**
   * As {@link #start}, but the first scan (which loads and warms up every model: seconds with
   * real models) runs on the watcher thread and this returns at once. Until it has finished,
   * every call that reads the repository waits for it, so no request is answered as if the
   * repository were empty. The future completes when the first scan is over.
   */
  public CompletableFuture<Void> startInBackground() {
    CompletableFuture<Void> scanned = new CompletableFuture<>();
    firstScan = scanned;
    watcher.execute(() -> {
      try {
        scanQuietly();
      } finally {
        scanned.complete(null);
      }
    });
    poll();
    return scanned;
  }

  private void poll() {
    long every = config.pollInterval().toMillis();
    if (every > 0) {
      watcher.scheduleWithFixedDelay(this::scanQuietly, every, every, TimeUnit.MILLISECONDS);
    }
  }

  /** Returns once the first scan is over (at once after {@link #start}). */
  private void awaitFirstScan() {
    CompletableFuture<Void> scanned = firstScan;
    if (!scanned.isDone()) {
      scanned.join();
    }
  }

  /** The serving version of the first model (by name) of {@code kind}, pinned for the caller. */
  public Optional<ModelLease> lease(ModelKind kind) {
    awaitFirstScan();
    for (ModelEntry entry : entries.values()) {
      LoadedModel serving = entry.serving; // read once: a swap may change it meanwhile
      if (serving != null && serving.manifest().kind() == kind) {
        Optional<ModelLease> lease = entry.lease();
        if (lease.isPresent()) {
          return lease;
        }
      }
    }
    return Optional.empty();
  }

  public Optional<ModelLease> lease(String name) {
    awaitFirstScan();
    ModelEntry entry = entries.get(name);
    return entry == null ? Optional.empty() : entry.lease();
  }

  public List<ModelStatus> list() {
    awaitFirstScan();
    return entries.values().stream().map(ModelEntry::status).toList();
  }

  public ModelStatus status(String name) {
    awaitFirstScan();
    return entry(name).status();
  }

  /**
   * Who hears when a model becomes ready or stops being ready (gRPC health, one service name per
   * model). Set before {@link #start}; it is told each model's state as it is first scanned.
   */
  public void onReadiness(ReadinessListener listener) {
    this.readiness = listener;
  }

  /**
   * Loads {@code version} now and makes it serve, pinned (the watcher leaves the choice alone);
   * version 0 un-pins, retries failed versions and applies the version policy, and throws if the
   * newest version on disk cannot serve.
   */
  public ModelStatus load(String name, long version) {
    awaitFirstScan();
    synchronized (scanLock) {
      scanDirectory(name);
    }
    ModelEntry entry = entry(name);
    synchronized (entry) {
      if (entry.manifest == null) {
        throw Status.FAILED_PRECONDITION.withDescription(name + ": " + entry.manifestError)
            .asRuntimeException();
      }
      long chosen = version != 0 ? version : entry.versions.descendingKeySet().stream()
          .filter(entry.policy()::allows).findFirst().orElse(0L);
      if (chosen <= 0 || !entry.versions.containsKey(chosen)) {
        throw Status.NOT_FOUND.withDescription(name + " has no version " + version
            + " on disk (versions: " + entry.versions.keySet() + ")").asRuntimeException();
      }
      entry.heldBack.remove(chosen);
      entry.unloadedUpTo = -1;
      String error;
      if (version == 0) {
        entry.pinned = 0;
        entry.heldBack.clear();
        entry.failedFingerprints.clear();
        reconcile(entry);
        error = entry.loaded.containsKey(chosen) ? null : entry.versions.get(chosen).error();
      } else {
        error = entry.loaded.containsKey(chosen) ? null : loadVersion(entry, chosen);
        if (error == null) {
          entry.pinned = chosen;
          reconcile(entry);
        }
      }
      if (error != null) {
        LoadedModel serving = entry.serving;
        throw Status.FAILED_PRECONDITION.withDescription(name + " version " + chosen
            + " cannot serve: " + error + (serving == null ? ""
                : "; version " + serving.version() + " keeps serving"))
            .asRuntimeException();
      }
      return entry.status();
    }
  }

  /**
   * Stops serving {@code version} (0 = every version); its session closes once drained, which
   * gives its native memory back. Another loaded version, if any, serves instead.
   */
  public ModelStatus unload(String name, long version) {
    awaitFirstScan();
    ModelEntry entry = entry(name);
    synchronized (entry) {
      if (version != 0 && !entry.versions.containsKey(version)) {
        throw Status.NOT_FOUND.withDescription(name + " has no version " + version
            + " (versions: " + entry.versions.keySet() + ")").asRuntimeException();
      }
      if (version == 0) {
        entry.pinned = 0;
        entry.unloadedUpTo = newest(entry);
        List.copyOf(entry.loaded.keySet()).forEach(v -> retireVersion(entry, v));
      } else {
        entry.heldBack.add(version);
        if (entry.pinned == version) {
          entry.pinned = 0;
        }
        retireVersion(entry, version);
        if (entry.loaded.isEmpty()) {
          // Nothing else was loaded: stay unloaded until LoadModel or a newer version.
          entry.unloadedUpTo = newest(entry);
        }
      }
      reconcile(entry);
      return entry.status();
    }
  }

  /** Re-reads the repository: new models, new versions, changed manifests. */
  public void scan() {
    synchronized (scanLock) {
      List<String> seen = new ArrayList<>();
      if (Files.isDirectory(root)) {
        try (Stream<Path> dirs = Files.list(root)) {
          dirs.filter(d -> Files.isRegularFile(d.resolve("model.json")))
              .map(d -> d.getFileName().toString()).sorted().forEach(seen::add);
        } catch (IOException e) {
          log.warn("cannot list model repository {}", root, e);
          return;
        }
      }
      seen.forEach(this::scanDirectory);
      for (ModelEntry gone : entries.values()) {
        if (!seen.contains(gone.name)) {
          removeEntry(gone);
        }
      }
    }
  }

  private void scanQuietly() {
    try {
      scan();
    } catch (RuntimeException e) {
      log.warn("model repository scan failed", e);
    }
  }

  private void scanDirectory(String name) {
    if (ModelNames.problem(name) != null) {
      // Not servable: the RPCs refuse such names, so a model here could never be named.
      if (oddNames.add(name)) {
        log.warn("ignoring {} in {}: {}", name, root, ModelNames.problem(name));
      }
      return;
    }
    Path dir = ModelNames.directory(root, name);
    if (!Files.isRegularFile(dir.resolve("model.json"))) {
      return;
    }
    ModelEntry entry = entries.computeIfAbsent(name, n -> new ModelEntry(n, dir));
    synchronized (entry) {
      ModelDirectory.readManifest(entry);
      ModelDirectory.readVersions(entry);
      reconcile(entry);
    }
  }

  private static long newest(ModelEntry entry) {
    return entry.versions.isEmpty() ? 0 : entry.versions.lastKey();
  }

  /**
   * Brings the loaded versions in line with the version policy (newest first; a version that
   * fails is skipped, so an older one that works keeps serving), makes the newest loaded one (or
   * the pinned one) serve, and only then retires the versions no longer wanted.
   */
  private void reconcile(ModelEntry entry) {
    if (entry.manifest != null) {
      VersionPolicy policy = entry.policy();
      TreeSet<Long> keep = new TreeSet<>();
      if (entry.pinned != 0) {
        keep.add(entry.pinned);
        if (policy.mode() != VersionPolicy.Mode.LATEST) {
          entry.loaded.keySet().stream().filter(policy::allows).forEach(keep::add);
        }
      } else {
        for (long v : entry.versions.descendingKeySet()) {
          if (keep.size() >= policy.limit()) {
            break;
          }
          if (v <= entry.unloadedUpTo || entry.heldBack.contains(v) || !policy.allows(v)) {
            continue;
          }
          boolean failedBefore = ModelDirectory.fingerprint(entry, v)
              .equals(entry.failedFingerprints.get(v));
          if (entry.loaded.containsKey(v) || (!failedBefore && loadVersion(entry, v) == null)) {
            keep.add(v);
          }
        }
      }
      LoadedModel next = entry.pinned != 0 ? entry.loaded.get(entry.pinned)
          : keep.isEmpty() ? null : entry.loaded.get(keep.last());
      if (next != null && next != entry.serving) {
        log.info("{} version {} serves ({})", entry.name, next.version(), next.provider());
      }
      entry.serving = next;
      List.copyOf(entry.loaded.keySet()).stream().filter(v -> !keep.contains(v))
          .forEach(v -> retireVersion(entry, v));
    }
    if (entry.serving != null && !entry.loaded.containsValue(entry.serving)) {
      entry.serving = null;
    }
    reportReadiness(entry);
  }

  /** Loads and warms up {@code version} (not yet serving). Returns the error, or null. */
  private String loadVersion(ModelEntry entry, long version) {
    entry.versions.put(version, new VersionStatus(version, VersionState.LOADING, "", List.of(),
        List.of(), ""));
    try {
      LoadedModel loaded = loader.load(entry.name, version, entry.dir, entry.manifest);
      entry.loaded.put(version, loaded);
      entry.versions.put(version, VersionStatus.ready(loaded));
      entry.failedFingerprints.remove(version);
      return null;
    } catch (ModelLoadException e) {
      entry.versions.put(version, VersionStatus.failed(version, e.getMessage()));
      entry.failedFingerprints.put(version, ModelDirectory.fingerprint(entry, version));
      log.warn("{} version {} failed to load: {}", entry.name, version, e.getMessage());
      return e.getMessage();
    }
  }

  /** Out of sight first (no new request leases it), then retired: drained, then closed. */
  private static void retireVersion(ModelEntry entry, long version) {
    LoadedModel model = entry.loaded.remove(version);
    if (model == null) {
      return;
    }
    if (entry.serving == model) {
      entry.serving = entry.loaded.isEmpty() ? null : entry.loaded.lastEntry().getValue();
    }
    model.retire();
    entry.versions.computeIfPresent(version, (v, s) -> s.unloaded());
  }

  private void reportReadiness(ModelEntry entry) {
    boolean ready = entry.serving != null;
    if (!Boolean.valueOf(ready).equals(entry.reportedReady)) {
      entry.reportedReady = ready;
      readiness.changed(entry.name, ready);
    }
  }

  private ModelEntry entry(String name) {
    ModelEntry entry = entries.get(name);
    if (entry == null) {
      throw Status.NOT_FOUND.withDescription("no model '" + name + "' in " + root
          + " (models: " + entries.keySet() + ")").asRuntimeException();
    }
    return entry;
  }

  private void removeEntry(ModelEntry entry) {
    synchronized (entry) {
      entries.remove(entry.name);
      entry.pinned = 0;
      List.copyOf(entry.loaded.keySet()).forEach(v -> retireVersion(entry, v));
      entry.serving = null;
      readiness.removed(entry.name);
    }
  }

  @Override
  public void close() {
    watcher.shutdownNow();
    synchronized (scanLock) {
      entries.values().forEach(this::removeEntry);
    }
  }
}
