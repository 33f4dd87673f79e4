package dev.reelmesh.media.transfer;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.common.auth.ArtifactOwners;
import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.media.ffmpeg.OutputFile;
import dev.reelmesh.v1.UploadChunk;
import dev.reelmesh.v1.UploadHeader;
import dev.reelmesh.v1.UploadResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * One Upload call: a header, then data chunks streamed to a temporary file under the artifact
 * root while size and SHA-256 are counted. Only a complete upload whose bytes match what the
 * header promised is moved into place; anything else leaves nothing behind.
 */
public final class UploadReceiver implements StreamObserver<UploadChunk> {
  public static final int MAX_CHUNK = 4 * 1024 * 1024;
  private final ArtifactStore store;
  private final long maxBytes;
  private final StreamObserver<UploadResponse> responses;
  private UploadHeader header;
  private OutputFile file;
  private OutputStream out;
  private final Hasher hasher = Hashing.sha256().newHasher();
  private long received;
  private boolean done;

  public UploadReceiver(ArtifactStore store, long maxBytes,
      StreamObserver<UploadResponse> responses) {
    this.store = store;
    this.maxBytes = maxBytes;
    this.responses = responses;
  }

  @Override
  public void onNext(UploadChunk chunk) {
    if (done) {
      return;
    }
    try {
      if (chunk.hasHeader()) {
        start(chunk.getHeader());
      } else {
        write(chunk);
      }
    } catch (RuntimeException | IOException e) {
      fail(e);
    }
  }

  private void start(UploadHeader h) throws IOException {
    if (header != null) {
      throw Statuses.invalid("header", "sent twice; send it once, first");
    }
    if (h.getExpectedSize() < 0 || h.getExpectedSize() > maxBytes) {
      throw Status.RESOURCE_EXHAUSTED.withDescription("header.expected_size: " + h.getExpectedSize()
          + " bytes is over this service's upload limit of " + maxBytes).asRuntimeException();
    }
    if (!h.getExpectedSha256().isEmpty() && !h.getExpectedSha256().matches("[0-9a-fA-F]{64}")) {
      throw Statuses.invalid("header.expected_sha256", "must be 64 hex digits");
    }
    header = h;
    // The caller's tenant folder: what one tenant uploads, another cannot read or reference.
    Path target = ArtifactOwners.uploadFolder(store.root()).resolve(UUID.randomUUID() + "-"
        + sanitise(h.getFileName()));
    Files.createDirectories(target.getParent());
    file = new OutputFile(target);
    out = Files.newOutputStream(file.temp());
  }

  private void write(UploadChunk chunk) throws IOException {
    if (header == null) {
      throw Statuses.invalid("header", "the first message must be the header");
    }
    int n = chunk.getData().size();
    if (n > MAX_CHUNK) {
      throw Statuses.invalid("data", "chunks are at most 4 MiB, got " + n + " bytes");
    }
    received += n;
    if (received > maxBytes) {
      throw Status.RESOURCE_EXHAUSTED.withDescription("upload is over this service's limit of "
          + maxBytes + " bytes").asRuntimeException();
    }
    chunk.getData().writeTo(out);
    hasher.putBytes(chunk.getData().asReadOnlyByteBuffer());
  }

  @Override
  public void onError(Throwable t) {
    // The client went away: drop the partial file.
    done = true;
    cleanup();
  }

  @Override
  public void onCompleted() {
    if (done) {
      return;
    }
    try {
      if (header == null) {
        throw Statuses.invalid("header", "no header was sent");
      }
      out.close();
      String sha = hasher.hash().toString();
      if (header.getExpectedSize() > 0 && header.getExpectedSize() != received) {
        throw Status.DATA_LOSS.withDescription("received " + received + " bytes, header said "
            + header.getExpectedSize()).asRuntimeException();
      }
      if (!header.getExpectedSha256().isEmpty()
          && !header.getExpectedSha256().toLowerCase(Locale.ROOT).equals(sha)) {
        throw Status.DATA_LOSS.withDescription("received bytes have sha256 " + sha
            + ", header said " + header.getExpectedSha256()).asRuntimeException();
      }
      Path stored = file.commit();
      done = true;
      responses.onNext(UploadResponse.newBuilder()
          .setArtifact(store.describe(stored, header.getMediaType())).build());
      responses.onCompleted();
    } catch (RuntimeException | IOException e) {
      fail(e);
    }
  }

  private void fail(Exception e) {
    done = true;
    cleanup();
    responses.onError(Statuses.toException(e));
  }

  private void cleanup() {
    try {
      if (out != null) {
        out.close();
      }
    } catch (IOException ignored) {
      // closing a file we are about to delete
    }
    if (file != null) {
      file.close();
    }
  }

  /** A base name with only safe characters; never a path. */
  static String sanitise(String name) {
    String base = name.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
    base = base.replaceAll("^\\.+", "");
    if (base.isEmpty()) {
      base = "upload.bin";
    }
    return base.length() > 120 ? base.substring(base.length() - 120) : base;
  }
}
