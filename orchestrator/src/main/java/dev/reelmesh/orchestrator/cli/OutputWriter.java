package dev.reelmesh.orchestrator.cli;

import com.google.protobuf.util.JsonFormat;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.DownloadChunk;
import dev.reelmesh.v1.DownloadRequest;
import dev.reelmesh.v1.FrameResult;
import dev.reelmesh.v1.FrameVariation;
import dev.reelmesh.v1.JobResult;
import dev.reelmesh.v1.MediaServiceGrpc;
import io.grpc.Channel;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * Writes a finished job into the output folder. Files come through MediaService.Download, so the
 * same code serves an in-process mesh and a remote one; each is checked against its SHA-256.
 */
final class OutputWriter {
  private final Channel media;
  private final Path out;

  OutputWriter(Channel media, Path out) {
    this.media = media;
    this.out = out;
  }

  Path write(String jobId, JobResult result) throws IOException {
    Files.createDirectories(out.resolve("frames"));
    download(result.getVideo(), out.resolve("final.mp4"));
    download(result.getStoryboard(), out.resolve("storyboard.png"));
    if (result.hasThumbnail()) {
      download(result.getThumbnail(), out.resolve("thumbnail.jpg"));
    }
    if (result.hasCaptions()) {
      download(result.getCaptions(), out.resolve("captions.srt"));
    }
    download(result.getReport(), out.resolve("report.md"));
    for (FrameResult frame : result.getFramesList()) {
      for (FrameVariation variation : frame.getVariationsList()) {
        String name = Path.of(variation.getImage().getUri()).getFileName().toString();
        download(variation.getImage(), out.resolve("frames").resolve(name));
      }
    }
    JsonFormat.Printer json = JsonFormat.printer();
    Files.writeString(out.resolve("prompts.json"), json.print(result.getPrompts()),
        StandardCharsets.UTF_8);
    StringBuilder scores = new StringBuilder("{\n  \"jobId\": \"" + jobId + "\",\n  \"frames\": [");
    for (int i = 0; i < result.getFramesCount(); i++) {
      scores.append(i == 0 ? "\n" : ",\n").append(json.print(result.getFrames(i)));
    }
    scores.append("\n  ],\n  \"clipChecks\": [");
    for (int i = 0; i < result.getClipChecksCount(); i++) {
      scores.append(i == 0 ? "\n" : ",\n").append(json.print(result.getClipChecks(i)));
    }
    scores.append("\n  ]\n}\n");
    Files.writeString(out.resolve("scores.json"), scores, StandardCharsets.UTF_8);
    return out;
  }

  private void download(ArtifactRef artifact, Path target) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    try (OutputStream file = Files.newOutputStream(partial)) {
      Iterator<DownloadChunk> chunks = MediaServiceGrpc.newBlockingStub(media)
          .withDeadlineAfter(5, TimeUnit.MINUTES)
          .download(DownloadRequest.newBuilder().setArtifact(artifact).build());
      while (chunks.hasNext()) {
        byte[] data = chunks.next().getData().toByteArray();
        sha.update(data);
        file.write(data);
      }
    }
    String actual = HexFormat.of().formatHex(sha.digest());
    if (!artifact.getSha256().isEmpty() && !artifact.getSha256().equals(actual)) {
      Files.deleteIfExists(partial);
      throw new IOException("download of " + artifact.getUri() + " is corrupt (sha256 " + actual
          + ", expected " + artifact.getSha256() + ")");
    }
    Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }
}
