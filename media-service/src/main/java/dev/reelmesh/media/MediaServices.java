package dev.reelmesh.media;

import dev.reelmesh.common.config.MeshSettings;
import io.grpc.BindableService;
import java.util.List;

/** Everything the media-service serves, ready to bind to any server builder. */
public final class MediaServices {
  private MediaServices() {}

  public static List<BindableService> create(MeshSettings settings) {
    return List.of(new MediaGrpcService());
  }
}
