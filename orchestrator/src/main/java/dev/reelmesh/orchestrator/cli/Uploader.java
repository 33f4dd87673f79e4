package dev.reelmesh.orchestrator.cli;

import com.google.protobuf.ByteString;
import dev.reelmesh.common.artifact.MediaTypes;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.UploadChunk;
import dev.reelmesh.v1.UploadHeader;
import dev.reelmesh.v1.UploadResponse;
import io.grpc.Channel;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends a local file into the mesh's artifact root through MediaService.Upload. */
public final class Uploader {
  private static final int CHUNK = 1 << 20;

  private Uploader() {}

  public static ArtifactRef upload(Channel media, Path file)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no such file");
    }
    CompletableFuture<UploadResponse> done = new CompletableFuture<>();
    StreamObserver<UploadChunk> out = MediaServiceGrpc.newStub(media)
        .withDeadlineAfter(5, TimeUnit.MINUTES)
        .upload(new StreamObserver<>() {
          @Override
          public void onNext(UploadResponse value) {
            done.complete(value);
          }

          @Override
          public void onError(Throwable t) {
            done.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {}
        });
    out.onNext(UploadChunk.newBuilder().setHeader(UploadHeader.newBuilder()
        .setFileName(file.getFileName().toString()).setMediaType(MediaTypes.guess(file))
        .setExpectedSize(Files.size(file))).build());
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[CHUNK];
      int read;
      while ((read = in.readNBytes(buffer, 0, CHUNK)) > 0) {
        out.onNext(UploadChunk.newBuilder().setData(ByteString.copyFrom(buffer, 0, read)).build());
      }
    } catch (IOException | RuntimeException e) {
      out.onError(e);
      throw e;
    }
    out.onCompleted();
    try {
      return done.get(5, TimeUnit.MINUTES).getArtifact();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IOException(e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("upload of " + file + " timed out", e);
    }
  }
}
