package dev.reelmesh.scoring.model;

import java.util.List;

/** One version as ListModels reports it. */
public record VersionStatus(long version, VersionState state, String error,
    List<TensorSpec> inputs, List<TensorSpec> outputs, String provider) {
  static VersionStatus onDisk(long version) {
    return new VersionStatus(version, VersionState.UNLOADED, "", List.of(), List.of(), "");
  }

  static VersionStatus failed(long version, String error) {
    return new VersionStatus(version, VersionState.FAILED, error, List.of(), List.of(), "");
  }

  static VersionStatus ready(LoadedModel m) {
    return new VersionStatus(m.version(), VersionState.READY, "", m.inputs(), m.outputs(),
        m.provider());
  }

  VersionStatus unloaded() {
    return new VersionStatus(version, VersionState.UNLOADED, "", inputs, outputs, provider);
  }
}
