package dev.reelmesh.scoring.image;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.common.fetch.UrlFetcher;
import dev.reelmesh.v1.ImageSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Turns a request's {@link ImageSource} (inline bytes or an artifact) into a decoded image. */
public final class ImageResolver {
  private final ArtifactStore artifacts;
  private final ImageDecoder decoder;
  private final UrlFetcher fetcher;

  public ImageResolver(ArtifactStore artifacts, ImageDecoder decoder, UrlFetcher fetcher) {
    this.artifacts = artifacts;
    this.decoder = decoder;
    this.fetcher = fetcher;
  }

  public RgbImage resolve(String field, ImageSource source) {
    return switch (source.getSourceCase()) {
      // asReadOnlyByteBuffer shares the request's bytes: no copy before decoding.
      case DATA -> decoder.decode(field, source.getData().asReadOnlyByteBuffer());
      case ARTIFACT -> decoder.decode(field, readArtifact(field, source), artifactMaxBytes());
      // Only from the hosts the operator listed (REELMESH_FETCH_ALLOW); off by default.
      case URL -> decoder.decode(field + ".url", fetcher.fetch(field + ".url", source.getUrl(),
          artifactMaxBytes()), artifactMaxBytes());
      case SOURCE_NOT_SET -> throw Statuses.invalid(field, "no image given (set data or artifact)");
    };
  }

  /** Artifacts may be larger than inline images, but not unboundedly so. */
  private long artifactMaxBytes() {
    return decoder.limits().maxBytes() * 8;
  }

  private byte[] readArtifact(String field, ImageSource source) {
    Path path = artifacts.resolveExisting(field, source.getArtifact());
    try {
      long size = Files.size(path);
      if (size > artifactMaxBytes()) {
        throw Statuses.invalid(field, "artifact '" + source.getArtifact().getUri() + "' is "
            + size + " bytes; at most " + artifactMaxBytes() + " are read");
      }
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
