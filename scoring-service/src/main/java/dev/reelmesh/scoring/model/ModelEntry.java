package dev.reelmesh.scoring.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One model directory and what the repository knows of it. Mutations happen under the entry's
 * lock; requests read {@link #serving} without it and pin it with {@link LoadedModel#tryAcquire}.
 */
final class ModelEntry {
  final String name;
  final Path dir;
  ModelManifest manifest;
  String manifestError = "";
  String manifestJson = "";
  volatile LoadedModel serving;
  final TreeMap<Long, VersionStatus> versions = new TreeMap<>();
  /** Fingerprints of version files that failed, so a poll does not retry an unchanged file. */
  final Map<Long, String> failedFingerprints = new HashMap<>();
  /** Set by LoadModel with an explicit version: the watcher leaves the choice alone. */
  boolean pinned;
  /** Set by UnloadModel: the watcher does not bring it back until LoadModel or a new version. */
  long unloadedUpTo = -1;

  ModelEntry(String name, Path dir) {
    this.name = name;
    this.dir = dir;
  }

  Optional<ModelLease> lease() {
    while (true) {
      LoadedModel current = serving;
      if (current == null) {
        return Optional.empty();
      }
      if (current.tryAcquire()) {
        return Optional.of(new ModelLease(current));
      }
      // Lost a race with a swap: the new version is already in place, read it again.
      if (serving == current) {
        return Optional.empty();
      }
    }
  }

  synchronized ModelStatus status() {
    LoadedModel s = serving;
    return new ModelStatus(name, manifest == null ? "" : manifest.kind().id(),
        s == null ? 0 : s.version(), List.copyOf(new ArrayList<>(versions.values())),
        manifestError, manifestJson);
  }
}
