package dev.reelmesh.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import com.google.protobuf.ByteString;
import dev.reelmesh.v1.DownloadChunk;
import dev.reelmesh.v1.DownloadRequest;
import dev.reelmesh.v1.MediaServiceGrpc;
import dev.reelmesh.v1.UploadChunk;
import dev.reelmesh.v1.UploadHeader;
import dev.reelmesh.v1.UploadResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TransferTest extends MediaTestBase {
  private final byte[] payload = new byte[300_000];

  {
    new Random(1).nextBytes(payload);
  }

  private CompletableFuture<UploadResponse> upload(UploadHeader header, byte[] data, int chunk) {
    CompletableFuture<UploadResponse> result = new CompletableFuture<>();
    StreamObserver<UploadChunk> requests = MediaServiceGrpc.newStub(service.channel())
        .upload(new StreamObserver<>() {
          @Override
          public void onNext(UploadResponse value) {
            result.complete(value);
          }

          @Override
          public void onError(Throwable t) {
            result.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {}
        });
    requests.onNext(UploadChunk.newBuilder().setHeader(header).build());
    for (int off = 0; off < data.length; off += chunk) {
      requests.onNext(UploadChunk.newBuilder().setData(ByteString.copyFrom(data, off,
          Math.min(chunk, data.length - off))).build());
    }
    requests.onCompleted();
    return result;
  }

  @Test
  void uploadThenDownloadRoundTripsWithChecksums() throws Exception {
    String sha = Hashing.sha256().hashBytes(payload).toString();
    UploadResponse up = upload(UploadHeader.newBuilder().setFileName("../../evil name.wav")
        .setMediaType("audio/wav").setExpectedSize(payload.length).setExpectedSha256(sha)
        .build(), payload, 64 * 1024).get(10, TimeUnit.SECONDS);
    assertThat(up.getArtifact().getUri()).startsWith("uploads/").endsWith("-evil_name.wav");
    assertThat(up.getArtifact().getSha256()).isEqualTo(sha);
    assertThat(Files.readAllBytes(at(up.getArtifact().getUri()))).isEqualTo(payload);

    ByteArrayOutputStream got = new ByteArrayOutputStream();
    var chunks = stub().download(DownloadRequest.newBuilder().setArtifact(up.getArtifact())
        .setChunkSize(100_000).build());
    int n = 0;
    while (chunks.hasNext()) {
      DownloadChunk c = chunks.next();
      assertThat(c.getOffset()).isEqualTo(got.size());
      assertThat(c.hasArtifact()).isEqualTo(n++ == 0);
      c.getData().writeTo(got);
    }
    assertThat(got.toByteArray()).isEqualTo(payload);
  }

  @Test
  void mismatchedUploadsAreRefusedAndLeaveNothing() throws Exception {
    expect(upload(UploadHeader.newBuilder().setFileName("a.bin").setExpectedSha256(
        "0".repeat(64)).build(), payload, 100_000), Status.Code.DATA_LOSS);
    expect(upload(UploadHeader.newBuilder().setFileName("a.bin").setExpectedSize(5).build(),
        payload, 100_000), Status.Code.DATA_LOSS);
    expect(upload(UploadHeader.newBuilder().setFileName("a.bin").build(),
        new byte[65 * 1024 * 1024], 4 * 1024 * 1024), Status.Code.RESOURCE_EXHAUSTED);
    try (var files = Files.walk(at("uploads"))) {
      assertThat(files.filter(Files::isRegularFile)).isEmpty();
    }
    StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(
        StatusRuntimeException.class, () -> stub().download(DownloadRequest.newBuilder()
            .setArtifact(ref("../outside")).build()).next());
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
        () -> stub().download(DownloadRequest.newBuilder().setArtifact(ref("nope.bin"))
            .build()).next());
    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
  }

  private static void expect(CompletableFuture<UploadResponse> call, Status.Code code)
      throws Exception {
    try {
      call.get(30, TimeUnit.SECONDS);
      throw new AssertionError("expected " + code);
    } catch (ExecutionException e) {
      assertThat(Status.fromThrowable(e.getCause()).getCode()).isEqualTo(code);
    }
  }
}
