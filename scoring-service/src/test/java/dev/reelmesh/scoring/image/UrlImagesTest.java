package dev.reelmesh.scoring.image;

import static dev.reelmesh.scoring.ScoringAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.reelmesh.common.fetch.FetchPolicy;
import dev.reelmesh.scoring.testing.Images;
import dev.reelmesh.scoring.testing.ScoringHarness;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.ScoreImagesRequest;
import dev.reelmesh.v1.ScoreImagesResponse;
import io.grpc.Status.Code;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images named by URL: fetched from allowed hosts only, then scored like inline bytes. */
class UrlImagesTest {
  @TempDir Path dir;

  @Test
  void anAllowedUrlIsFetchedAndScoredLikeTheSameBytesInline() throws Exception {
    byte[] png = Images.png(Images.detailed(96, 64, 4));
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/frame.png", e -> {
      e.sendResponseHeaders(200, png.length);
      try (OutputStream out = e.getResponseBody()) {
        out.write(png);
      }
    });
    server.start();
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/frame.png";
    FetchPolicy loopback = new FetchPolicy(Set.of("127.0.0.1"), true, Duration.ofSeconds(5));
    try (ScoringHarness h = new ScoringHarness(dir, ScoringHarness.config().withFetch(loopback))) {
      ScoreImagesResponse r = h.stub().scoreImages(ScoreImagesRequest.newBuilder()
          .addImages(ImageSource.newBuilder().setUrl(url))
          .addImages(ScoringHarness.inline(png)).build());
      assertThat(r.getResults(0).getWidth()).isEqualTo(96);
      assertThat(r.getResults(0).getScoresList()).isEqualTo(r.getResults(1).getScoresList());
      assertStatus(() -> h.stub().scoreImages(ScoreImagesRequest.newBuilder()
              .addImages(ImageSource.newBuilder().setUrl("http://example.com/frame.png")).build()),
          Code.PERMISSION_DENIED, "images[0].url: host 'example.com' is not in");
      assertStatus(() -> h.stub().scoreImages(ScoreImagesRequest.newBuilder()
              .addImages(ImageSource.newBuilder().setUrl(url.replace("frame", "gone"))).build()),
          Code.NOT_FOUND, "answered HTTP 404");
    } finally {
      server.stop(0);
    }
  }
}
