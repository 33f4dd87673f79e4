package dev.reelmesh.orchestrator.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.common.fetch.FetchPolicy;
import dev.reelmesh.common.testing.TestTokens;
import dev.reelmesh.orchestrator.studio.Studio;
import dev.reelmesh.orchestrator.testing.TestMedia;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.ApprovePlanRequest;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.CancelJobRequest;
import dev.reelmesh.v1.ContactSheetRequest;
import dev.reelmesh.v1.ContactSheetResponse;
import dev.reelmesh.v1.ContactSheetTile;
import dev.reelmesh.v1.DownloadRequest;
import dev.reelmesh.v1.ExtractFramesRequest;
import dev.reelmesh.v1.GetBudgetRequest;
import dev.reelmesh.v1.GetCreditsRequest;
import dev.reelmesh.v1.GetJobRequest;
import dev.reelmesh.v1.GrantCreditsRequest;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.ListJobsRequest;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.Motion;
import dev.reelmesh.v1.PipelineServiceGrpc;
import dev.reelmesh.v1.ProbeRequest;
import dev.reelmesh.v1.RegenerateClipsRequest;
import dev.reelmesh.v1.RenderMotionClipRequest;
import dev.reelmesh.v1.ScoreImagesRequest;
import dev.reelmesh.v1.ScoringServiceGrpc;
import dev.reelmesh.v1.StillMotion;
import dev.reelmesh.v1.StitchRequest;
import dev.reelmesh.v1.StitchSegment;
import dev.reelmesh.v1.SubmitJobRequest;
import dev.reelmesh.v1.UserReference;
import dev.reelmesh.v1.WatchJobRequest;
import io.grpc.Channel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One tenant's job as another tenant meets it over the network: every call about it, its events
 * and its files answers exactly as for a job or file that does not exist, so ids cannot be
 * probed; lists and searches do not show it; only an admin sees across tenants.
 */
class TenantIsolationTest {
  @TempDir static Path dir;
  static SecuredMesh mesh;
  static String alice;
  static String mallory;
  static String admin;
  static Job job;
  static ArtifactRef video;
  static ArtifactRef frame;
  static ArtifactRef upload;
  /** A clip mallory rendered outside any job's folder: hers to read. */
  static ArtifactRef mallorysClip;
  /** Alice's direct outputs, named by the media service: a clip, a sheet and its thumbnail. */
  static ArtifactRef alicesClip;
  static ContactSheetResponse alicesSheet;

  @BeforeAll
  static void start() throws Exception {
    mesh = new SecuredMesh(dir, FetchPolicy.DISABLED);
    TestTokens t = mesh.tokens;
    alice = t.token("alice", "submit");
    mallory = t.token("mallory", "submit");
    admin = t.token("root", "admin");
    Files.write(mesh.settings.artifactRoot().resolve("ok.png"), TestMedia.png(64, 64));
    var pipeline = PipelineServiceGrpc.newBlockingStub(mesh.channel("pipeline", alice));
    String id = pipeline.submitJob(SubmitJobRequest.newBuilder().setIdempotencyKey("k1")
        .setSpec(TestMesh.quickSpec("a paper lantern over a dark lake", 4)).build()).getJobId();
    Iterator<JobEvent> events = pipeline.withDeadlineAfter(3, TimeUnit.MINUTES)
        .watchJob(WatchJobRequest.newBuilder().setJobId(id).build());
    events.forEachRemaining(e -> { });
    job = pipeline.getJob(GetJobRequest.newBuilder().setJobId(id).build());
    assertThat(job.getState()).as(job.getError().getMessage())
        .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    video = job.getResult().getVideo();
    frame = job.getResult().getFrames(0).getVariations(0).getImage();
    Path reference = Files.write(dir.resolve("ref.png"), TestMedia.png(64, 64));
    upload = dev.reelmesh.orchestrator.cli.Uploader.upload(mesh.channel("media", alice),
        reference);
    mallorysClip = MediaServiceGrpc.newBlockingStub(mesh.channel("media", mallory))
        .renderMotionClip(RenderMotionClipRequest.newBuilder().setStartFrame(ArtifactRef
            .newBuilder().setUri("ok.png")).setDurationSeconds(1).setWidth(64).setHeight(64)
            .setOutputPath("tenants/mallory/scratch/mallory.mp4").build()).getClip();
    var media = MediaServiceGrpc.newBlockingStub(mesh.channel("media", alice));
    alicesClip = media.renderMotionClip(RenderMotionClipRequest.newBuilder().setStartFrame(
        ArtifactRef.newBuilder().setUri("ok.png")).setDurationSeconds(1).setWidth(64)
        .setHeight(64).build()).getClip();
    alicesSheet = media.contactSheet(ContactSheetRequest.newBuilder().addTiles(ContactSheetTile
        .newBuilder().setImage(ArtifactRef.newBuilder().setUri("ok.png"))).setTileWidth(64)
        .setThumbnail(true).build());
    // The studio as `reelmesh up` serves it with authentication on: the pipeline behind the
    // token check, media as the mesh's own.
    studio = Studio.start(mesh.channel("pipeline", null), mesh.channel("media",
        t.token("orchestrator", "service")), "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    sockets.forEach(java.net.http.WebSocket::abort);
    if (studio != null) {
      studio.close();
    }
    if (mesh != null) {
      mesh.close();
    }
  }

  static Studio studio;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  /** An HTTP request to the studio, with {@code auth} as its Authorization or Cookie header. */
  static HttpResponse<byte[]> http(String method, String path, String header, String value,
      String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + studio.port() + path)).method(method, body == null ? HttpRequest.BodyPublishers
            .noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (header != null) {
      request.header(header, value);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static HttpResponse<byte[]> bearer(String method, String path, String token) throws Exception {
    return http(method, path, "Authorization", "Bearer " + token, method.equals("POST") ? "{}"
        : null);
  }

  static String files(ArtifactRef ref) {
    return "/files?uri=" + java.net.URLEncoder.encode(ref.getUri(),
        java.nio.charset.StandardCharsets.UTF_8) + "&sha=" + ref.getSha256();
  }

  @Test
  void theStudioTakesTheSameTokenAndTenantRules() throws Exception {
    String id = job.getJobId();
    assertThat(http("GET", "/api/jobs", null, null, null).statusCode()).isEqualTo(401);
    assertThat(new String(bearer("GET", "/api/jobs", alice).body())).contains(id);
    // Another tenant: the job, its events, cancel and its files are missing.
    for (String[] call : new String[][] {{"GET", "/api/jobs/" + id},
        {"GET", "/api/jobs/" + id + "/events"}, {"POST", "/api/jobs/" + id + "/cancel"},
        {"POST", "/api/jobs/" + id + "/regenerate"}, {"GET", files(video)}}) {
      HttpResponse<byte[]> r = bearer(call[0], call[1], mallory);
      assertThat(r.statusCode()).as(call[0] + " " + call[1]).isEqualTo(404);
      assertThat(new String(r.body())).contains("NOT_FOUND");
    }
    assertThat(new String(bearer("GET", "/api/jobs?q=lantern", mallory).body()))
        .doesNotContain(id);
    // The owner downloads the video (now cached), and the cache is no way around the check.
    HttpResponse<byte[]> mine = bearer("GET", files(video), alice);
    assertThat(mine.statusCode()).isEqualTo(200);
    assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest
        .getInstance("SHA-256").digest(mine.body()))).isEqualTo(video.getSha256());
    assertThat(bearer("GET", files(video), mallory).statusCode()).isEqualTo(404);
    assertThat(http("GET", files(video), null, null, null).statusCode()).isEqualTo(401);
    // Nor is the cached copy reached by its digest under another name mallory may read.
    String elsewhere = "scratch/elsewhere.mp4";
    HttpResponse<byte[]> byDigest = bearer("GET", files(video.toBuilder().setUri(elsewhere)
        .build()), mallory);
    assertThat(byDigest.statusCode()).isEqualTo(404);
    assertThat(new String(byDigest.body())).contains("no artifact at '" + elsewhere + "'");
    String around = "/files?uri=" + java.net.URLEncoder.encode("uploads/../" + video.getUri(),
        java.nio.charset.StandardCharsets.UTF_8) + "&sha=" + video.getSha256();
    assertThat(bearer("GET", around, mallory).statusCode()).isEqualTo(400);
  }

  @Test
  void anUploadThroughTheStudioIsItsTenantsAloneAsOverGrpc() throws Exception {
    // The studio downloads as the mesh, so it must itself keep uploads/<tenant>/ to that tenant,
    // answering another tenant as for a file that is not there.
    HttpResponse<byte[]> theirs = bearer("GET", files(upload), mallory);
    assertThat(theirs.statusCode()).isEqualTo(404);
    assertThat(new String(theirs.body())).contains("NOT_FOUND")
        .contains("artifact: no artifact at '" + upload.getUri() + "'");
    assertThat(bearer("GET", files(upload), alice).statusCode()).isEqualTo(200);
    assertThat(bearer("GET", files(upload), admin).statusCode()).isEqualTo(200);
    // An upload directly under uploads/ (made before uploads were marked) is the mesh's alone.
    byte[] png = TestMedia.png(32, 32);
    Files.createDirectories(mesh.settings.artifactRoot().resolve("uploads"));
    Files.write(mesh.settings.artifactRoot().resolve("uploads/legacy.png"), png);
    ArtifactRef legacy = ArtifactRef.newBuilder().setUri("uploads/legacy.png").setSha256(
        java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
            .digest(png))).build();
    HttpResponse<byte[]> unmarked = bearer("GET", files(legacy), alice);
    assertThat(unmarked.statusCode()).isEqualTo(404);
    assertThat(new String(unmarked.body())).contains("artifact: no artifact at "
        + "'uploads/legacy.png'");
    assertThat(bearer("GET", files(legacy), admin).statusCode()).isEqualTo(200);
    // A direct output (tenants/alice/…) likewise, through the same rule MediaService keeps.
    HttpResponse<byte[]> output = bearer("GET", files(alicesClip), mallory);
    assertThat(output.statusCode()).isEqualTo(404);
    assertThat(new String(output.body())).contains("artifact: no artifact at '"
        + alicesClip.getUri() + "'");
    assertThat(bearer("GET", files(alicesClip), alice).statusCode()).isEqualTo(200);
  }

  @Test
  void theTokenFormSetsAnHttpOnlyCookieThatTheStudioPassesOn() throws Exception {
    HttpResponse<byte[]> bad = http("POST", "/api/session", "Content-Type", "application/json",
        "{\"token\": \"x.y.z\"}");
    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(bad.headers().firstValue("Set-Cookie")).isEmpty();
    HttpResponse<byte[]> good = http("POST", "/api/session", "Content-Type",
        "application/json", "{\"token\": \"" + alice + "\"}");
    assertThat(good.statusCode()).isEqualTo(200);
    String cookie = good.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
    String pair = cookie.substring(0, cookie.indexOf(';'));
    assertThat(http("GET", "/api/jobs/" + job.getJobId(), "Cookie", pair, null).statusCode())
        .isEqualTo(200);
    assertThat(http("GET", "/api/jobs/" + job.getJobId(), "Cookie", "reelmesh_token="
        + mallory, null).statusCode()).isEqualTo(404);
  }

  /** The studio's chat WebSocket with {@code headers}; each text frame a line in the queue. */
  static java.util.concurrent.BlockingQueue<String> chat(String... headers) {
    java.util.concurrent.BlockingQueue<String> frames =
        new java.util.concurrent.LinkedBlockingQueue<>();
    var builder = HTTP.newWebSocketBuilder();
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    java.net.http.WebSocket socket = builder.buildAsync(URI.create("ws://127.0.0.1:"
        + studio.port() + "/api/chat"), new java.net.http.WebSocket.Listener() {
          final StringBuilder partial = new StringBuilder();

          // "open" comes first: the JDK calls onOpen before any frame, while a line added after
          // buildAsync returns could land behind a frame the studio sent at once (an error).
          @Override
          public void onOpen(java.net.http.WebSocket ws) {
            frames.add("open");
            ws.request(1);
          }

          @Override
          public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws,
              CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              frames.add(partial.toString());
              partial.setLength(0);
            }
            ws.request(1);
            return null;
          }
        }).join();
    sockets.add(socket);
    return frames;
  }

  static final List<java.net.http.WebSocket> sockets = new ArrayList<>();

  static java.net.http.WebSocket lastSocket() {
    return sockets.get(sockets.size() - 1);
  }

  /** The next frame (60 s at most). */
  static String next(java.util.concurrent.BlockingQueue<String> frames) throws Exception {
    String frame = frames.poll(60, TimeUnit.SECONDS);
    assertThat(frame).as("a frame within 60 s").isNotNull();
    return frame;
  }

  @Test
  void theStudioChatTalksAsTheCookiesTenantAndNoOther() throws Exception {
    var asAlice = chat("Cookie", "reelmesh_token=" + alice);
    assertThat(next(asAlice)).isEqualTo("open");
    lastSocket().sendText("{\"text\":\"help\"}", true).join();
    String first = next(asAlice);
    assertThat(first).doesNotContain("\"error\"").contains("\"user\"");
    String session = new com.fasterxml.jackson.databind.ObjectMapper().readTree(first)
        .path("sessionId").asText();
    assertThat(session).isNotEmpty();
    // Mallory's cookie cannot resume alice's session: it is as absent as one never opened.
    var asMallory = chat("Cookie", "reelmesh_token=" + mallory);
    assertThat(next(asMallory)).isEqualTo("open");
    lastSocket().sendText("{\"sessionId\":\"" + session + "\",\"resume\":{}}", true).join();
    assertThat(next(asMallory)).contains("NOT_FOUND")
        .contains("session_id: no chat session '" + session + "'");
    // No token: refused, not served as anyone.
    var anonymous = chat();
    assertThat(next(anonymous)).isEqualTo("open");
    lastSocket().sendText("{\"text\":\"help\"}", true).join();
    assertThat(next(anonymous)).contains("UNAUTHENTICATED");
  }

  @Test
  void anotherSitesPageCannotDriveTheStudioWithTheCookie() throws Exception {
    String cookie = "reelmesh_token=" + alice;
    String evil = "http://evil.example";
    var asAlice = pipeline(mesh.channel("pipeline", alice));
    int before = asAlice.listJobs(ListJobsRequest.getDefaultInstance()).getJobsCount();
    String submit = com.google.protobuf.util.JsonFormat.printer().print(SubmitJobRequest
        .newBuilder().setSpec(TestMesh.quickSpec("a cross-site kettle", 4)).build());
    // A form or no-cors fetch from another page: the cookie rides along, Origin says who asked.
    for (String[] call : new String[][] {{"POST", "/api/jobs", submit},
        {"POST", "/api/jobs/" + job.getJobId() + "/cancel", "{}"},
        {"POST", "/api/session", "{\"token\": \"" + mallory + "\"}"},
        {"DELETE", "/api/session", null}}) {
      HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + studio.port() + call[1])).method(call[0], call[2] == null
              ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(call[2]))
          .header("Cookie", cookie).header("Origin", evil).header("Content-Type", "text/plain")
          .build(), HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).as(call[0] + " " + call[1]).isEqualTo(403);
      assertThat(new String(r.body())).contains("PERMISSION_DENIED")
          .contains("origin: '" + evil + "' is not this studio");
      assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }
    assertThat(asAlice.listJobs(ListJobsRequest.getDefaultInstance()).getJobsCount())
        .isEqualTo(before);
    // The chat's WebSocket, opened by another page, is refused at the handshake.
    assertThatThrownBy(() -> chat("Cookie", cookie, "Origin", evil))
        .hasStackTraceContaining("Unexpected HTTP response status code 403");
    // The studio's own page (its Origin is the studio's address) is served.
    String own = "http://127.0.0.1:" + studio.port();
    HttpResponse<byte[]> session = HTTP.send(HttpRequest.newBuilder(URI.create(own
        + "/api/session")).POST(HttpRequest.BodyPublishers.ofString("{\"token\": \"" + alice
            + "\"}")).header("Origin", own).header("Content-Type", "application/json").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(session.statusCode()).as(new String(session.body())).isEqualTo(200);
    var ownChat = chat("Cookie", cookie, "Origin", own);
    assertThat(next(ownChat)).isEqualTo("open");
    lastSocket().sendText("{\"text\":\"help\"}", true).join();
    assertThat(next(ownChat)).doesNotContain("\"error\"").contains("\"user\"");
  }

  /** A probe by mallory, and what must come back. */
  record Case(String name, String service, Call call, Status.Code code, String description) {
    @Override
    public String toString() {
      return name;
    }
  }

  interface Call {
    void run(Channel channel) throws Exception;
  }

  static PipelineServiceGrpc.PipelineServiceBlockingStub pipeline(Channel c) {
    return PipelineServiceGrpc.newBlockingStub(c);
  }

  static Stream<Case> crossTenant() {
    String id = job.getJobId();
    String missing = "no job '" + id + "'";
    String file = "no artifact at '" + video.getUri() + "'";
    Status.Code notFound = Status.Code.NOT_FOUND;
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("get the job", "pipeline", c -> pipeline(c).getJob(GetJobRequest
        .newBuilder().setJobId(id).build()), notFound, missing));
    cases.add(new Case("watch its events", "pipeline", c -> pipeline(c).watchJob(
        WatchJobRequest.newBuilder().setJobId(id).build()).hasNext(), notFound, missing));
    cases.add(new Case("cancel it", "pipeline", c -> pipeline(c).cancelJob(CancelJobRequest
        .newBuilder().setJobId(id).build()), notFound, missing));
    cases.add(new Case("approve its plan", "pipeline", c -> pipeline(c).approvePlan(
        ApprovePlanRequest.newBuilder().setJobId(id).build()), notFound, missing));
    cases.add(new Case("refine its plan", "pipeline", c -> pipeline(c).approvePlan(
        ApprovePlanRequest.newBuilder().setJobId(id).setRefineOnly(true)
            .setRefineInstruction("make it warmer").build()), notFound, missing));
    cases.add(new Case("regenerate a clip", "pipeline", c -> pipeline(c).regenerateClips(
        RegenerateClipsRequest.newBuilder().setJobId(id).addClipIndices(0).build()), notFound,
        missing));
    cases.add(new Case("delete it", "pipeline", c -> pipeline(c).deleteJob(
        dev.reelmesh.v1.DeleteJobRequest.newBuilder().setJobId(id).build()), notFound, missing));
    cases.add(new Case("download its video", "media", c -> MediaServiceGrpc.newBlockingStub(c)
        .download(DownloadRequest.newBuilder().setArtifact(video).build()).hasNext(), notFound,
        "artifact: " + file));
    cases.add(new Case("probe its video", "media", c -> MediaServiceGrpc.newBlockingStub(c)
        .probe(ProbeRequest.newBuilder().setMedia(video).build()), notFound, "media: " + file));
    cases.add(new Case("score its frame", "scoring", c -> ScoringServiceGrpc.newBlockingStub(c)
        .scoreImages(ScoreImagesRequest.newBuilder().addImages(ImageSource.newBuilder()
            .setArtifact(frame)).addScorers("builtin-technical").build()), notFound,
        "images[0]: no artifact at '" + frame.getUri() + "'"));
    cases.add(new Case("use its frame as a reference", "pipeline", c -> pipeline(c).submitJob(
        SubmitJobRequest.newBuilder().setSpec(TestMesh.quickSpec("a lantern", 4).addReferences(
            UserReference.newBuilder().setImage(ImageSource.newBuilder().setArtifact(frame))))
            .build()), notFound, "spec.references[0].image.artifact: no artifact at '"
            + frame.getUri() + "'"));
    cases.add(new Case("download its upload", "media", c -> MediaServiceGrpc.newBlockingStub(c)
        .download(DownloadRequest.newBuilder().setArtifact(upload).build()).hasNext(), notFound,
        "artifact: no artifact at '" + upload.getUri() + "'"));
    cases.add(new Case("use its upload as a reference", "pipeline", c -> pipeline(c).submitJob(
        SubmitJobRequest.newBuilder().setSpec(TestMesh.quickSpec("a lantern", 4).addReferences(
            UserReference.newBuilder().setImage(ImageSource.newBuilder().setArtifact(upload))))
            .build()), notFound, "spec.references[0].image.artifact: no artifact at '"
            + upload.getUri() + "'"));
    cases.add(new Case("use its upload as music", "pipeline", c -> pipeline(c).submitJob(
        SubmitJobRequest.newBuilder().setSpec(TestMesh.quickSpec("a lantern", 4).setMusic(
            dev.reelmesh.v1.MusicChoice.newBuilder().setFile(upload))).build()), notFound,
        "spec.music.file: no artifact at '" + upload.getUri() + "'"));
    cases.add(new Case("render over its upload", "media", c -> MediaServiceGrpc
        .newBlockingStub(c).renderMotionClip(RenderMotionClipRequest.newBuilder()
            .setStartFrame(ArtifactRef.newBuilder().setUri("ok.png")).setDurationSeconds(1)
            .setWidth(64).setHeight(64).setOutputPath(upload.getUri()).build()),
        Status.Code.PERMISSION_DENIED, "output_path: '" + upload.getUri() + "' is inside "
            + "uploads/"));
    cases.add(new Case("render over its video", "media", c -> MediaServiceGrpc
        .newBlockingStub(c).renderMotionClip(RenderMotionClipRequest.newBuilder()
            .setStartFrame(ArtifactRef.newBuilder().setUri("ok.png")).setDurationSeconds(1)
            .setWidth(64).setHeight(64).setOutputPath(video.getUri()).build()),
        Status.Code.PERMISSION_DENIED, "output_path: '" + video.getUri() + "' is inside a job's"
            + " folder"));
    String jobDir = "jobs/" + id;
    cases.add(new Case("extract frames into its job's folder", "media", c -> MediaServiceGrpc
        .newBlockingStub(c).extractFrames(ExtractFramesRequest.newBuilder()
            .setVideo(mallorysClip).addTimesSeconds(0).setOutputDir(jobDir).build()),
        Status.Code.PERMISSION_DENIED, "output_dir: '" + jobDir + "' is inside a job's folder"));
    String uploads = upload.getUri().substring(0, upload.getUri().lastIndexOf('/'));
    cases.add(new Case("extract frames into its uploads", "media", c -> MediaServiceGrpc
        .newBlockingStub(c).extractFrames(ExtractFramesRequest.newBuilder()
            .setVideo(mallorysClip).addTimesSeconds(0).setOutputDir(uploads).build()),
        Status.Code.PERMISSION_DENIED, "output_dir: '" + uploads + "' is inside uploads/"));
    cases.add(new Case("extract frames into the jobs folder", "media", c -> MediaServiceGrpc
        .newBlockingStub(c).extractFrames(ExtractFramesRequest.newBuilder()
            .setVideo(mallorysClip).addTimesSeconds(0).setOutputDir("jobs").build()),
        Status.Code.PERMISSION_DENIED, "output_dir: 'jobs' is inside a job's folder"));
    // Alice's direct outputs (tenants/alice/…): read as missing, never written over.
    ArtifactRef thumb = alicesSheet.getThumbnail();
    ArtifactRef sheet = alicesSheet.getSheet();
    cases.add(new Case("download its direct output", "media", c -> MediaServiceGrpc
        .newBlockingStub(c).download(DownloadRequest.newBuilder().setArtifact(alicesClip)
            .build()).hasNext(), notFound, "artifact: no artifact at '" + alicesClip.getUri()
            + "'"));
    cases.add(new Case("probe its direct output", "media", c -> MediaServiceGrpc
        .newBlockingStub(c).probe(ProbeRequest.newBuilder().setMedia(alicesClip).build()),
        notFound, "media: no artifact at '" + alicesClip.getUri() + "'"));
    cases.add(new Case("download the thumbnail beside its sheet", "media", c -> MediaServiceGrpc
        .newBlockingStub(c).download(DownloadRequest.newBuilder().setArtifact(thumb).build())
        .hasNext(), notFound, "artifact: no artifact at '" + thumb.getUri() + "'"));
    cases.add(new Case("score its contact sheet", "scoring", c -> ScoringServiceGrpc
        .newBlockingStub(c).scoreImages(ScoreImagesRequest.newBuilder().addImages(ImageSource
            .newBuilder().setArtifact(sheet)).addScorers("builtin-technical").build()),
        notFound, "images[0]: no artifact at '" + sheet.getUri() + "'"));
    cases.add(new Case("use its sheet as a reference", "pipeline", c -> pipeline(c).submitJob(
        SubmitJobRequest.newBuilder().setSpec(TestMesh.quickSpec("a lantern", 4).addReferences(
            UserReference.newBuilder().setImage(ImageSource.newBuilder().setArtifact(sheet))))
            .build()), notFound, "spec.references[0].image.artifact: no artifact at '"
            + sheet.getUri() + "'"));
    String outside = "' is outside tenants/mallory/, this tenant's own space";
    cases.add(new Case("render over its direct output", "media", c -> MediaServiceGrpc
        .newBlockingStub(c).renderMotionClip(RenderMotionClipRequest.newBuilder()
            .setStartFrame(ArtifactRef.newBuilder().setUri("ok.png")).setDurationSeconds(1)
            .setWidth(64).setHeight(64).setOutputPath(alicesClip.getUri()).build()),
        Status.Code.PERMISSION_DENIED, "output_path: '" + alicesClip.getUri() + outside));
    cases.add(new Case("write a sheet into its space", "media", c -> MediaServiceGrpc
        .newBlockingStub(c).contactSheet(ContactSheetRequest.newBuilder().addTiles(
            ContactSheetTile.newBuilder().setImage(ArtifactRef.newBuilder().setUri("ok.png")))
            .setOutputPath("tenants/alice/sheet.png").build()),
        Status.Code.PERMISSION_DENIED, "output_path: 'tenants/alice/sheet.png" + outside));
    cases.add(new Case("extract frames into its space", "media", c -> MediaServiceGrpc
        .newBlockingStub(c).extractFrames(ExtractFramesRequest.newBuilder()
            .setVideo(mallorysClip).addTimesSeconds(0).setOutputDir("tenants/alice").build()),
        Status.Code.PERMISSION_DENIED, "output_dir: 'tenants/alice" + outside));
    cases.add(new Case("preview a still into its space", "media", c -> MediaServiceGrpc
        .newBlockingStub(c).stitch(StitchRequest.newBuilder().addSegments(StitchSegment
            .newBuilder().setDurationSeconds(1).setPreviewPath("tenants/alice/p.mp4").setStill(
                StillMotion.newBuilder().setStartFrame(ArtifactRef.newBuilder().setUri("ok.png"))
                    .setMotion(Motion.MOTION_STATIC))).build()).hasNext(),
        Status.Code.PERMISSION_DENIED, "segments[0].preview_path: 'tenants/alice/p.mp4"
            + outside));
    cases.add(new Case("list alice's jobs by name", "pipeline", c -> pipeline(c).listJobs(
        ListJobsRequest.newBuilder().setTenant("alice").build()), Status.Code.PERMISSION_DENIED,
        "tenant: only an admin may list another tenant's jobs; this token's tenant is "
            + "'mallory'"));
    cases.add(new Case("read alice's budget", "pipeline", c -> pipeline(c).getBudget(
        GetBudgetRequest.newBuilder().setTenant("alice").build()), Status.Code.PERMISSION_DENIED,
        "tenant: only an admin may read another tenant's budget; this token's tenant is "
            + "'mallory'"));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("crossTenant")
  void anotherTenantsJobAndFilesAreAnsweredAsMissing(Case c) {
    assertThatThrownBy(() -> c.call().run(mesh.channel(c.service(), mallory)))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(c.code());
          assertThat(e.getStatus().getDescription()).startsWith(c.description());
        });
  }

  @Test
  void aMissingJobAndFileAreAnsweredInTheSameWords() {
    Channel pipelineChannel = mesh.channel("pipeline", mallory);
    assertThatThrownBy(() -> pipeline(pipelineChannel).getJob(GetJobRequest.newBuilder()
        .setJobId("job-0000000000000000").build()))
        .hasMessage("NOT_FOUND: no job 'job-0000000000000000'");
    String absent = video.getUri().replace("final", "absent");
    assertThatThrownBy(() -> MediaServiceGrpc.newBlockingStub(mesh.channel("media", alice))
        .download(DownloadRequest.newBuilder().setArtifact(ArtifactRef.newBuilder()
            .setUri(absent)).build()).hasNext())
        .hasMessageStartingWith("NOT_FOUND: artifact: no artifact at '" + absent + "'");
  }

  @Test
  void theOwnerStillSeesEverythingAndNothingOfItChanged() {
    Job again = pipeline(mesh.channel("pipeline", alice)).getJob(GetJobRequest.newBuilder()
        .setJobId(job.getJobId()).build());
    assertThat(again.getState()).isEqualTo(JobState.JOB_STATE_SUCCEEDED);
    assertThat(again.getTenant()).isEqualTo("alice");
    assertThat(again.getLastSequence()).isEqualTo(job.getLastSequence());
    assertThat(MediaServiceGrpc.newBlockingStub(mesh.channel("media", alice)).download(
        DownloadRequest.newBuilder().setArtifact(video).build()).next().getArtifact()
        .getSha256()).isEqualTo(video.getSha256());
    assertThat(upload.getUri()).startsWith("uploads/alice/");
    assertThat(MediaServiceGrpc.newBlockingStub(mesh.channel("media", alice)).download(
        DownloadRequest.newBuilder().setArtifact(upload).build()).next().getArtifact()
        .getSha256()).isEqualTo(upload.getSha256());
  }

  @Test
  void aTenantsDirectOutputsLandInItsSpaceAndAreItsToRead() {
    assertThat(alicesClip.getUri()).startsWith("tenants/alice/media/").endsWith(".mp4");
    String sheet = alicesSheet.getSheet().getUri();
    assertThat(sheet).startsWith("tenants/alice/media/").endsWith(".png");
    // A derived file follows its output.
    assertThat(alicesSheet.getThumbnail().getUri())
        .isEqualTo(sheet.substring(0, sheet.length() - ".png".length()) + "-thumb.jpg");
    assertThat(mallorysClip.getUri()).isEqualTo("tenants/mallory/scratch/mallory.mp4");
    var media = MediaServiceGrpc.newBlockingStub(mesh.channel("media", alice));
    for (ArtifactRef mine : List.of(alicesClip, alicesSheet.getThumbnail())) {
      assertThat(media.download(DownloadRequest.newBuilder().setArtifact(mine).build()).next()
          .getArtifact().getSha256()).isEqualTo(mine.getSha256());
    }
    assertThat(media.probe(ProbeRequest.newBuilder().setMedia(alicesClip).build())
        .getDurationSeconds()).isGreaterThan(0.5);
    // The mesh's own names are where they were for the admin (and for the pipeline's jobs/).
    assertThat(MediaServiceGrpc.newBlockingStub(mesh.channel("media", admin)).renderMotionClip(
        RenderMotionClipRequest.newBuilder().setStartFrame(ArtifactRef.newBuilder()
            .setUri("ok.png")).setDurationSeconds(1).setWidth(64).setHeight(64).build())
        .getClip().getUri()).startsWith("media/");
    assertThat(video.getUri()).startsWith("jobs/" + job.getJobId() + "/");
  }

  @Test
  void aSubmitterWritesNowhereOutsideItsOwnSpace() {
    var media = MediaServiceGrpc.newBlockingStub(mesh.channel("media", alice));
    assertThatThrownBy(() -> media.renderMotionClip(RenderMotionClipRequest.newBuilder()
        .setStartFrame(ArtifactRef.newBuilder().setUri("ok.png")).setDurationSeconds(1)
        .setWidth(64).setHeight(64).setOutputPath("scratch/alice.mp4").build()))
        .hasMessage("PERMISSION_DENIED: output_path: 'scratch/alice.mp4' is outside "
            + "tenants/alice/, this tenant's own space, where its direct outputs go; choose a "
            + "path there or leave the field empty for a fresh name there");
    assertThatThrownBy(() -> media.extractFrames(ExtractFramesRequest.newBuilder()
        .setVideo(alicesClip).addTimesSeconds(0).setOutputDir("tenants").build()))
        .hasMessageStartingWith("PERMISSION_DENIED: output_dir: 'tenants' is outside "
            + "tenants/alice/");
    assertThat(media.extractFrames(ExtractFramesRequest.newBuilder().setVideo(alicesClip)
        .addTimesSeconds(0).build()).getFrames(0).getImage().getUri())
        .startsWith("tenants/alice/media/frames-");
  }

  @Test
  void listsAndSearchesShowOnlyTheCallersJobsAndAnAdminSeesAll() {
    var asMallory = pipeline(mesh.channel("pipeline", mallory));
    assertThat(asMallory.listJobs(ListJobsRequest.getDefaultInstance()).getJobsList())
        .extracting(Job::getJobId).doesNotContain(job.getJobId());
    assertThat(asMallory.listJobs(ListJobsRequest.newBuilder().setBriefContains("lantern")
        .build()).getJobsCount()).isZero();
    assertThat(pipeline(mesh.channel("pipeline", alice)).listJobs(ListJobsRequest.newBuilder()
        .setBriefContains("lantern").build()).getJobsList()).extracting(Job::getJobId)
        .containsExactly(job.getJobId());
    var asAdmin = pipeline(mesh.channel("pipeline", admin));
    assertThat(asAdmin.listJobs(ListJobsRequest.getDefaultInstance()).getJobsList())
        .extracting(Job::getJobId).contains(job.getJobId());
    assertThat(asAdmin.listJobs(ListJobsRequest.newBuilder().setTenant("alice").build())
        .getJobsList()).extracting(Job::getJobId).containsExactly(job.getJobId());
    assertThat(asAdmin.listJobs(ListJobsRequest.newBuilder().setTenant("mallory").build())
        .getJobsList()).extracting(Job::getTenant).doesNotContain("alice");
    assertThat(asAdmin.getJob(GetJobRequest.newBuilder().setJobId(job.getJobId()).build())
        .getTenant()).isEqualTo("alice");
  }

  @Test
  void theSameIdempotencyKeyFromAnotherTenantIsAnotherJob() {
    var asMallory = pipeline(mesh.channel("pipeline", mallory));
    var submitted = asMallory.submitJob(SubmitJobRequest.newBuilder().setIdempotencyKey("k1")
        .setSpec(TestMesh.quickSpec("a paper lantern over a dark lake", 4)).build());
    assertThat(submitted.getDeduplicated()).isFalse();
    assertThat(submitted.getJobId()).isNotEqualTo(job.getJobId());
    assertThat(submitted.getJob().getTenant()).isEqualTo("mallory");
    asMallory.cancelJob(CancelJobRequest.newBuilder().setJobId(submitted.getJobId()).build());
  }

  @Test
  void aSubmitterReadsItsOwnBudgetAndOnlyAnAdminGrantsOrReadsCredits() {
    var asAlice = pipeline(mesh.channel("pipeline", alice));
    assertThat(asAlice.getBudget(GetBudgetRequest.getDefaultInstance()).getTenant())
        .isEqualTo("alice");
    assertThat(pipeline(mesh.channel("pipeline", admin)).getBudget(
        GetBudgetRequest.getDefaultInstance()).getTenant()).isEmpty();
    for (Call call : List.<Call>of(
        c -> pipeline(c).grantCredits(GrantCreditsRequest.newBuilder().setTenant("alice")
            .setAmountMicros(1).build()),
        c -> pipeline(c).getCredits(GetCreditsRequest.newBuilder().setTenant("alice").build()),
        c -> pipeline(c).collectGarbage(
            dev.reelmesh.v1.CollectGarbageRequest.getDefaultInstance()))) {
      assertThatThrownBy(() -> call.run(mesh.channel("pipeline", alice)))
          .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(e.getStatus().getDescription()).startsWith("authorization: ")
                .contains("[admin]");
          });
    }
    var asAdmin = pipeline(mesh.channel("pipeline", admin));
    assertThat(asAdmin.grantCredits(GrantCreditsRequest.newBuilder().setTenant("alice")
        .setAmountMicros(2_000_000).setNote("trial").build()).getAvailableMicros())
        .isEqualTo(2_000_000);
    assertThat(asAlice.getBudget(GetBudgetRequest.getDefaultInstance()).getCredits()
        .getGrantedMicros()).isEqualTo(2_000_000);
  }
}
