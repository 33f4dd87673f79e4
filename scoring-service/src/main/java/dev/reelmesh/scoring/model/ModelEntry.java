package dev.reelmesh.scoring.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  /** The version new requests use: the newest loaded one, or the one LoadModel pinned. */
  volatile LoadedModel serving;
  /** Every loaded (warmed-up, READY) version, serving included, as the version policy keeps. */
  final TreeMap<Long, LoadedModel> loaded = new TreeMap<>();
  final TreeMap<Long, VersionStatus> versions = new TreeMap<>();
  /** Fingerprints of version files that failed, so a poll does not retry an unchanged file. */
  final Map<Long, String> failedFingerprints = new HashMap<>();
  /** Versions UnloadModel took out by number: the watcher leaves them until LoadModel. */
  final Set<Long> heldBack = new HashSet<>();
  /** Set by LoadModel with an explicit version: the watcher leaves the choice alone. */
  long pinned;
  /** Set by UnloadModel: the watcher does not bring it back until LoadModel or a new version. */
  long unloadedUpTo = -1;
  /** Readiness last reported to the health listener (null: never). */
  Boolean reportedReady;

  ModelEntry(String name, Path dir) {
    this.name = name;
    this.dir = dir;
  }

  VersionPolicy policy() {
    return manifest == null ? VersionPolicy.DEFAULT : manifest.versionPolicy();
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
        manifestError, manifestJson, s != null, policy().toString());
  }
}
