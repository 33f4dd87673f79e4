package dev.reelmesh.orchestrator.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.ArtifactRef;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The studio's HTTP face as any client sees it: statuses, SSE with resume, ranged files. */
class StudioApiTest {
  @TempDir static Path dir;
  static TestMesh mesh;
  static Studio studio;
  static String base;
  static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
      .build();

  @BeforeAll
  static void start() throws Exception {
    mesh = TestMesh.start(dir);
    studio = Studio.start(mesh.pipelineChannel(), mesh.channels().media(), "127.0.0.1", 0);
    base = "http://127.0.0.1:" + studio.port();
  }

  @AfterAll
  static void stop() {
    studio.close();
    mesh.close();
  }

  static HttpResponse<String> send(String method, String path, String body, String... headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofMinutes(2)).method(method, body == null
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The ids of an SSE stream read to its "end" event. */
  static List<Long> eventIds(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofMinutes(2)).GET();
    if (headers.length > 0) {
      request.headers(headers);
    }
    HttpResponse<java.io.InputStream> response = http.send(request.build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
    List<Long> ids = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(),
        StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith("id: ")) {
          ids.add(Long.parseLong(line.substring(4)));
        } else if (line.equals("event: end")) {
          break;
        }
      }
    }
    return ids;
  }

  @Test
  void badRequestsGetTheServicesStatusAndMessage() throws Exception {
    HttpResponse<String> bad = send("POST", "/api/jobs",
        "{\"spec\":{\"brief\":\"a kettle\",\"variations\":40}}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("INVALID_ARGUMENT").contains("spec.variations");
    HttpResponse<String> notJson = send("POST", "/api/jobs", "brief=kettle");
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).contains("not a SubmitJobRequest in JSON");
    HttpResponse<String> missing = send("GET", "/api/jobs/no-such-job", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("no-such-job");
    assertThat(send("GET", "/api/jobs/no-such-job/events", null).statusCode()).isEqualTo(404);
    assertThat(send("GET", "/files?uri=final.mp4&sha=xyz", null).statusCode()).isEqualTo(400);
    HttpResponse<String> page = send("GET", "/", null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>reelmesh studio</title>")
        .contains("type=\"module\"");
    assertThat(send("GET", "/job.js", null).headers().firstValue("Content-Type").orElseThrow())
        .contains("javascript");
  }

  @Test
  void eventsStreamInOrderAndResumeAfterLastEventIdThenTheVideoIsServedInRanges()
      throws Exception {
    HttpResponse<String> submitted = send("POST", "/api/jobs", "{\"spec\":{\"brief\":\"a short "
        + "loop of rain on a window\",\"durationSeconds\":4,\"variations\":1,\"qualityTier\":"
        + "\"QUALITY_TIER_DRAFT\",\"narrationOff\":true}}");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    Matcher id = Pattern.compile("\"jobId\":\"([^\"]+)\"").matcher(submitted.body());
    assertThat(id.find()).isTrue();
    String jobId = id.group(1);
    List<Long> all = eventIds("/api/jobs/" + jobId + "/events");
    assertThat(all).isNotEmpty();
    for (int i = 0; i < all.size(); i++) {
      assertThat(all.get(i)).isEqualTo(i + 1L);
    }
    List<Long> resumed = eventIds("/api/jobs/" + jobId + "/events", "Last-Event-ID", "3");
    assertThat(resumed).isEqualTo(all.subList(3, all.size()));
    assertThat(eventIds("/api/jobs/" + jobId + "/events?after=" + (all.size() - 1)))
        .containsExactly((long) all.size());

    ArtifactRef video = mesh.job(jobId).getResult().getVideo();
    byte[] whole = Files.readAllBytes(mesh.file(video));
    String path = "/files?uri=" + java.net.URLEncoder.encode(video.getUri(),
        StandardCharsets.UTF_8) + "&sha=" + video.getSha256();
    HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Range", "bytes=100-199").build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 100-199/"
        + whole.length);
    assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(whole, 100, 200));
    HttpResponse<byte[]> full = http.send(HttpRequest.newBuilder(URI.create(base + path
        + "&download=1")).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(full.statusCode()).isEqualTo(200);
    assertThat(full.body()).isEqualTo(whole);
    assertThat(full.headers().firstValue("Content-Type")).hasValue("video/mp4");
    assertThat(full.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment");
    String wrongSha = path.replace(video.getSha256(), "0".repeat(64));
    assertThat(send("GET", wrongSha, null).statusCode()).isNotEqualTo(200);
  }
}
