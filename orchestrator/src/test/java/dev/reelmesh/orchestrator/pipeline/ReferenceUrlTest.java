package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.reelmesh.common.fetch.FetchPolicy;
import dev.reelmesh.orchestrator.testing.TestMedia;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.SubmitJobRequest;
import dev.reelmesh.v1.UserReference;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reference image given by URL: refused unless the host is allowed, else fetched once. */
class ReferenceUrlTest {
  @TempDir Path dir;

  static JobSpec.Builder spec(String url) {
    return TestMesh.quickSpec("a ceramic kettle on a shelf", 4).addReferences(UserReference
        .newBuilder().setLabel("kettle").setImage(ImageSource.newBuilder().setUrl(url)));
  }

  static void assertRefused(TestMesh mesh, String url, Status.Code code, String message) {
    assertThatThrownBy(() -> mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
        .setSpec(spec(url)).build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(code);
          assertThat(e.getStatus().getDescription())
              .startsWith("spec.references[0].image.url: ").contains(message);
        });
  }

  @Test
  void anAllowedUrlIsFetchedOnceAndAnchorsTheStoryboard() throws Exception {
    byte[] png = TestMedia.png(120, 80);
    AtomicInteger hits = new AtomicInteger();
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/kettle.png", e -> {
      hits.incrementAndGet();
      e.sendResponseHeaders(200, png.length);
      try (OutputStream out = e.getResponseBody()) {
        out.write(png);
      }
    });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/kettle.png";
    try (TestMesh mesh = TestMesh.start(dir)) {
      assertRefused(mesh, url, Status.Code.FAILED_PRECONDITION, "REELMESH_FETCH_ALLOW");
      mesh.restartWithFetch(new FetchPolicy(Set.of("127.0.0.1"), true, Duration.ofSeconds(5)));
      assertRefused(mesh, "https://example.com/kettle.png", Status.Code.PERMISSION_DENIED,
          "host 'example.com' is not in REELMESH_FETCH_ALLOW");

      String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(spec(url))
          .build()).getJobId();
      List<JobEvent> events = mesh.watchToEnd(id, 0);
      Job job = mesh.job(id);
      assertThat(job.getState()).as(job.getError().getMessage())
          .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
      assertThat(events).anySatisfy(e -> assertThat(e.getMessage())
          .startsWith("reference 'kettle' anchors the storyboard"));
      Path stored = mesh.settings.artifactRoot().resolve("jobs/" + id
          + "/references/reference-0.img");
      assertThat(Files.readAllBytes(stored)).isEqualTo(png);
      assertThat(hits.get()).isEqualTo(1);
    } finally {
      server.stop(0);
    }
  }
}
