package dev.reelmesh.scoring;

import dev.reelmesh.scoring.model.ModelStatus;
import dev.reelmesh.scoring.model.TensorSpec;
import dev.reelmesh.scoring.model.VersionState;
import dev.reelmesh.scoring.model.VersionStatus;
import dev.reelmesh.v1.ModelInfo;
import dev.reelmesh.v1.ModelState;
import dev.reelmesh.v1.ModelVersionInfo;
import dev.reelmesh.v1.TensorInfo;

/** Model repository records to their wire form. */
final class ModelProtos {
  private ModelProtos() {}

  static ModelInfo toProto(ModelStatus s) {
    ModelInfo.Builder b = ModelInfo.newBuilder().setName(s.name()).setKind(s.kind())
        .setServingVersion(s.servingVersion()).setManifestError(s.manifestError())
        .setManifestJson(s.manifestJson()).setReady(s.ready())
        .setVersionPolicy(s.versionPolicy());
    for (VersionStatus v : s.versions()) {
      b.addVersions(ModelVersionInfo.newBuilder().setVersion(v.version())
          .setState(toProto(v.state()))
          .setError(v.error()).setExecutionProvider(v.provider())
          .addAllInputs(v.inputs().stream().map(ModelProtos::toProto).toList())
          .addAllOutputs(v.outputs().stream().map(ModelProtos::toProto).toList()));
    }
    return b.build();
  }

  static ModelState toProto(VersionState state) {
    return switch (state) {
      case LOADING -> ModelState.MODEL_STATE_LOADING;
      case READY -> ModelState.MODEL_STATE_READY;
      case UNLOADED -> ModelState.MODEL_STATE_UNLOADED;
      case FAILED -> ModelState.MODEL_STATE_FAILED;
    };
  }

  private static TensorInfo toProto(TensorSpec t) {
    return TensorInfo.newBuilder().setName(t.name()).setElementType(t.elementType())
        .addAllShape(t.shape()).build();
  }
}
