package dev.reelmesh.media.transfer;

import com.google.protobuf.ByteString;
import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.DownloadChunk;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams one file in chunks, only as fast as the client reads (onReady flow control), so a
 * slow client never makes the server buffer the whole file.
 */
public final class DownloadSender implements Runnable {
  private final ServerCallStreamObserver<DownloadChunk> call;
  private final ArtifactRef described;
  private final InputStream in;
  private final int chunkSize;
  private long offset;
  private boolean finished;

  private DownloadSender(ServerCallStreamObserver<DownloadChunk> call, ArtifactRef described,
      InputStream in, int chunkSize) {
    this.call = call;
    this.described = described;
    this.in = in;
    this.chunkSize = chunkSize;
  }

  /** {@code requested} is the caller's ref; a sha256 it carries must match the stored file. */
  public static void start(ServerCallStreamObserver<DownloadChunk> call, Path file,
      ArtifactRef requested, ArtifactRef described, int chunkSize) throws IOException {
    if (!requested.getSha256().isEmpty()
        && !requested.getSha256().equalsIgnoreCase(described.getSha256())) {
      throw Status.FAILED_PRECONDITION.withDescription("artifact: '" + requested.getUri()
          + "' has changed (sha256 " + described.getSha256() + ", the reference says "
          + requested.getSha256() + ")").asRuntimeException();
    }
    DownloadSender sender = new DownloadSender(call, described, Files.newInputStream(file),
        chunkSize);
    call.setOnCancelHandler(sender::close);
    call.setOnReadyHandler(sender);
    sender.run();
  }

  @Override
  public synchronized void run() {
    try {
      while (!finished && call.isReady()) {
        byte[] buffer = in.readNBytes(chunkSize);
        boolean first = offset == 0;
        if (buffer.length == 0 && !first) {
          finish();
          return;
        }
        DownloadChunk.Builder chunk = DownloadChunk.newBuilder().setOffset(offset)
            .setData(ByteString.copyFrom(buffer));
        if (first) {
          chunk.setArtifact(described);
        }
        call.onNext(chunk.build());
        offset += buffer.length;
        if (buffer.length < chunkSize) {
          finish();
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      close();
      call.onError(Statuses.toException(e));
    }
  }

  private void finish() {
    close();
    call.onCompleted();
  }

  private synchronized void close() {
    finished = true;
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing left to read
    }
  }
}
