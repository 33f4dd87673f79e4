package dev.reelmesh.orchestrator.studio;

import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.DownloadChunk;
import dev.reelmesh.v1.DownloadRequest;
import dev.reelmesh.v1.GetBudgetRequest;
import dev.reelmesh.v1.GetJobRequest;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.PipelineServiceGrpc;
import io.grpc.Channel;
import io.grpc.Status;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET /files?uri=…&sha=…: an artifact (frame, clip, video, report) fetched through
 * MediaService.Download, checked against its SHA-256, kept in a cache folder by name and hash,
 * then sent with byte ranges so the video element can seek. Who may read it is the pipeline's answer for
 * the browser's token, asked on every request (the cache is no way around it): a file of a job
 * ({@code jobs/<id>/…}) is served when GetJob of that job is, an upload
 * ({@code uploads/<tenant>/…}) or a direct output ({@code tenants/<tenant>/…}) to its tenant and
 * admins, any other file when the token is
 * accepted at all (GetBudget). The media channel itself is the mesh's own.
 */
final class ArtifactFiles {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern JOB_FILE = Pattern.compile("jobs/([^/]+)/.+");
  private final PipelineServiceGrpc.PipelineServiceBlockingStub pipeline;
  private final Channel media;
  private final Path cache;

  ArtifactFiles(Channel pipeline, Channel media, Path cache) {
    this.pipeline = PipelineServiceGrpc.newBlockingStub(pipeline);
    this.media = media;
    this.cache = cache;
  }

  void handle(RoutingContext ctx) {
    String uri = ctx.request().getParam("uri");
    String sha = ctx.request().getParam("sha");
    if (uri == null || uri.isBlank() || sha == null || !SHA.matcher(sha).matches()) {
      GrpcHttp.fail(ctx, Status.INVALID_ARGUMENT.withDescription(
          "need uri and sha (64 hex digits) of an artifact").asRuntimeException());
      return;
    }
    // Kept by name and digest: a copy is served only under the name it was checked and fetched
    // by, never to whoever names its digest beside a name they may read.
    Path file = cache.resolve(sha + "-" + HexFormat.of().formatHex(sha256().digest(uri.getBytes(
        java.nio.charset.StandardCharsets.UTF_8))) + extension(uri));
    PipelineServiceGrpc.PipelineServiceBlockingStub asBrowser = BrowserToken.on(pipeline, ctx);
    // The check and the download are blocking gRPC and file I/O: a worker thread, never the
    // event loop.
    ctx.vertx().executeBlocking(() -> {
      mayRead(asBrowser, uri);
      return fetch(uri, sha, file);
    }).onComplete(done -> {
      if (done.failed()) {
        GrpcHttp.fail(ctx, done.cause());
      } else {
        send(ctx, file, uri, "1".equals(ctx.request().getParam("download")));
      }
    });
  }

  /** Throws the pipeline's refusal (NOT_FOUND for another tenant's job) unless it may. */
  private static void mayRead(PipelineServiceGrpc.PipelineServiceBlockingStub asBrowser,
      String uri) {
    // Only plain relative paths, so what is checked is what is read ("uploads/../jobs/…" is not
    // a way into a job's folder).
    boolean plain;
    try {
      Path path = Path.of(uri);
      plain = !path.isAbsolute() && path.normalize().toString().equals(uri)
          && !uri.contains(":") && !uri.contains("\\") && !uri.startsWith("..");
    } catch (java.nio.file.InvalidPathException e) {
      plain = false;
    }
    if (!plain) {
      throw Status.INVALID_ARGUMENT.withDescription("uri: '" + uri + "' is not a plain path "
          + "relative to the artifact root").asRuntimeException();
    }
    Matcher job = JOB_FILE.matcher(uri);
    if (job.matches()) {
      asBrowser.withDeadlineAfter(30, TimeUnit.SECONDS).getJob(GetJobRequest.newBuilder()
          .setJobId(job.group(1)).build());
    } else {
      // The budget's tenant is the token's (empty for an admin: the mesh's figures).
      String tenant = asBrowser.withDeadlineAfter(30, TimeUnit.SECONDS).getBudget(
          GetBudgetRequest.getDefaultInstance()).getTenant();
      // The media channel is the mesh's own, so MediaService's rule for the places named by
      // their tenant is kept here (ArtifactOwners.placeAllows, the same code): an upload
      // (uploads/<tenant>/…) and a direct output (tenants/<tenant>/…) are their tenant's alone;
      // anyone else is answered as for a file that is not there.
      if (!tenant.isEmpty()
          && !dev.reelmesh.common.auth.ArtifactOwners.placeAllows(tenant, uri)) {
        throw Status.NOT_FOUND.withDescription("artifact: no artifact at '" + uri + "'")
            .asRuntimeException();
      }
    }
  }

  private Path fetch(String uri, String sha, Path file) throws IOException {
    if (Files.isRegularFile(file)) {
      return file;
    }
    Files.createDirectories(cache);
    Path partial = Files.createTempFile(cache, sha, ".part");
    MessageDigest digest = sha256();
    try (OutputStream out = Files.newOutputStream(partial)) {
      Iterator<DownloadChunk> chunks = MediaServiceGrpc.newBlockingStub(media)
          .withDeadlineAfter(5, TimeUnit.MINUTES).download(DownloadRequest.newBuilder()
              .setArtifact(ArtifactRef.newBuilder().setUri(uri).setSha256(sha)).build());
      while (chunks.hasNext()) {
        byte[] data = chunks.next().getData().toByteArray();
        digest.update(data);
        out.write(data);
      }
    } catch (RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    String actual = HexFormat.of().formatHex(digest.digest());
    if (!actual.equals(sha)) {
      Files.deleteIfExists(partial);
      throw Status.DATA_LOSS.withDescription(uri + " has sha256 " + actual + ", not " + sha)
          .asRuntimeException();
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    return file;
  }

  private static void send(RoutingContext ctx, Path file, String uri, boolean attachment) {
    HttpServerResponse response = ctx.response();
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      GrpcHttp.fail(ctx, Status.INTERNAL.withCause(e).withDescription(e.getMessage())
          .asRuntimeException());
      return;
    }
    response.putHeader("Content-Type", mediaType(uri)).putHeader("Accept-Ranges", "bytes")
        .putHeader("Cache-Control", "private, max-age=31536000, immutable");
    if (attachment) {
      response.putHeader("Content-Disposition", "attachment; filename=\""
          + Path.of(uri).getFileName() + "\"");
    }
    String range = ctx.request().getHeader("Range");
    Matcher m = range == null ? null : RANGE.matcher(range.strip());
    if (m == null || !m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      response.sendFile(file.toString());
      return;
    }
    long start;
    long end;
    if (m.group(1).isEmpty()) { // "bytes=-N": the last N bytes
      start = Math.max(0, size - Long.parseLong(m.group(2)));
      end = size - 1;
    } else {
      start = Long.parseLong(m.group(1));
      end = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
    }
    if (start >= size || start > end) {
      response.setStatusCode(416).putHeader("Content-Range", "bytes */" + size).end();
      return;
    }
    response.setStatusCode(206).putHeader("Content-Range", "bytes " + start + "-" + end + "/"
        + size).sendFile(file.toString(), start, end - start + 1);
  }

  private static String extension(String uri) {
    String name = Path.of(uri).getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot).toLowerCase(java.util.Locale.ROOT);
    return ext.matches("\\.[a-z0-9]{1,5}") ? ext : "";
  }

  static String mediaType(String uri) {
    return switch (extension(uri)) {
      case ".mp4" -> "video/mp4";
      case ".webm" -> "video/webm";
      case ".png" -> "image/png";
      case ".jpg", ".jpeg" -> "image/jpeg";
      case ".webp" -> "image/webp";
      case ".srt" -> "text/plain; charset=utf-8";
      case ".md" -> "text/markdown; charset=utf-8";
      case ".wav" -> "audio/wav";
      case ".m4a" -> "audio/mp4";
      case ".json" -> "application/json";
      default -> "application/octet-stream";
    };
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
