package dev.reelmesh.scoring.model;

import java.util.List;

/**
 * A model as ListModels / GetModelMetadata report it. {@code kind} is empty when unknown;
 * {@code ready} = some version serves (KServe's model ready).
 */
public record ModelStatus(String name, String kind, long servingVersion,
    List<VersionStatus> versions, String manifestError, String manifestJson, boolean ready,
    String versionPolicy) {
  /** Whether {@code version} is loaded and warmed up (0 = the model as a whole). */
  public boolean ready(long version) {
    if (version == 0) {
      return ready;
    }
    return versions.stream().anyMatch(v -> v.version() == version
        && v.state() == VersionState.READY);
  }
}
