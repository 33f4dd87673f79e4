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
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.Set;
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
  private final Object scanLock = new Object();
  private final Set<String> oddNames = ConcurrentHashMap.newKeySet();

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
    long every = config.pollInterval().toMillis();
    if (every > 0) {
      watcher.scheduleWithFixedDelay(this::scanQuietly, every, every, TimeUnit.MILLISECONDS);
    }
  }

  /** The serving version of the first model (by name) of {@code kind}, pinned for the caller. */
  public Optional<ModelLease> lease(ModelKind kind) {
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
    ModelEntry entry = entries.get(name);
    return entry == null ? Optional.empty() : entry.lease();
  }

  public List<ModelStatus> list() {
    return entries.values().stream().map(ModelEntry::status).toList();
  }

  public ModelStatus status(String name) {
    return entry(name).status();
  }

  /** Loads {@code version} (0 = newest on disk) now and makes it serve; throws if it cannot. */
  public ModelStatus load(String name, long version) {
    synchronized (scanLock) {
      scanDirectory(name);
    }
    ModelEntry entry = entry(name);
    synchronized (entry) {
      if (entry.manifest == null) {
        throw Status.FAILED_PRECONDITION.withDescription(name + ": " + entry.manifestError)
            .asRuntimeException();
      }
      long chosen = version == 0 ? newest(entry) : version;
      if (chosen <= 0 || !entry.versions.containsKey(chosen)) {
        throw Status.NOT_FOUND.withDescription(name + " has no version " + version
            + " on disk (versions: " + entry.versions.keySet() + ")").asRuntimeException();
      }
      String error = swapIn(entry, chosen);
      if (error != null) {
        throw Status.FAILED_PRECONDITION.withDescription(name + " version " + chosen
            + " cannot serve: " + error + (entry.serving == null ? ""
                : "; version " + entry.serving.version() + " keeps serving"))
            .asRuntimeException();
      }
      entry.pinned = version != 0;
      entry.unloadedUpTo = -1;
      return entry.status();
    }
  }

  /** Stops serving {@code version} (0 = whatever serves); its session closes once drained. */
  public ModelStatus unload(String name, long version) {
    ModelEntry entry = entry(name);
    synchronized (entry) {
      LoadedModel current = entry.serving;
      if (version != 0 && !entry.versions.containsKey(version)) {
        throw Status.NOT_FOUND.withDescription(name + " has no version " + version
            + " (versions: " + entry.versions.keySet() + ")").asRuntimeException();
      }
      if (current != null && (version == 0 || current.version() == version)) {
        entry.serving = null;
        current.retire();
        entry.versions.computeIfPresent(current.version(), (v, s) -> s.unloaded());
        entry.unloadedUpTo = newest(entry);
        entry.pinned = false;
      }
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
      if (entry.manifest == null || entry.pinned) {
        return;
      }
      long newest = newest(entry);
      boolean serving = entry.serving != null && entry.serving.version() == newest;
      if (newest > 0 && !serving && newest > entry.unloadedUpTo
          && !ModelDirectory.fingerprint(entry, newest).equals(entry.failedFingerprints.get(newest))) {
        swapIn(entry, newest);
      }
    }
  }

  private static long newest(ModelEntry entry) {
    return entry.versions.isEmpty() ? 0 : entry.versions.lastKey();
  }

  /** Loads {@code version}; on success it serves and the old one retires. Returns the error. */
  private String swapIn(ModelEntry entry, long version) {
    entry.versions.put(version, new VersionStatus(version, VersionState.LOADING, "", List.of(),
        List.of(), ""));
    try {
      LoadedModel loaded = loader.load(entry.name, version, entry.dir, entry.manifest);
      LoadedModel old = entry.serving;
      entry.serving = loaded;
      entry.versions.put(version, VersionStatus.ready(loaded));
      entry.failedFingerprints.remove(version);
      if (old != null) {
        old.retire();
        if (old.version() != version) {
          entry.versions.computeIfPresent(old.version(), (v, s) -> s.unloaded());
        }
      }
      log.info("{} version {} serves ({})", entry.name, version, loaded.provider());
      return null;
    } catch (ModelLoadException e) {
      entry.versions.put(version, VersionStatus.failed(version, e.getMessage()));
      entry.failedFingerprints.put(version, ModelDirectory.fingerprint(entry, version));
      log.warn("{} version {} failed to load: {}", entry.name, version, e.getMessage());
      return e.getMessage();
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
      LoadedModel serving = entry.serving;
      // Out of sight first, then retired, so no request leases a retiring version.
      entry.serving = null;
      if (serving != null) {
        serving.retire();
      }
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
