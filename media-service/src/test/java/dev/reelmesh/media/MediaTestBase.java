package dev.reelmesh.media;

import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.MediaServiceGrpc;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A media service over in-process gRPC, built by the module's real factory. */
abstract class MediaTestBase {
  @TempDir Path dir;
  Path root;
  InProcessService service;

  @BeforeEach
  void startService() {
    root = dir.resolve("artifacts");
    service = InProcessService.start(MediaServices.create(
        new MediaConfig(root, 2, 64L * 1024 * 1024, Fonts.find().orElse(null))));
  }

  @AfterEach
  void stopService() throws InterruptedException {
    service.close();
  }

  MediaServiceGrpc.MediaServiceBlockingStub stub() {
    return MediaServiceGrpc.newBlockingStub(service.channel())
        .withDeadlineAfter(120, TimeUnit.SECONDS);
  }

  static ArtifactRef ref(String uri) {
    return ArtifactRef.newBuilder().setUri(uri).build();
  }

  /** A path under the artifact root, for test inputs. */
  Path at(String relative) {
    return root.resolve(relative);
  }
}
