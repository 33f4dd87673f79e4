package dev.reelmesh.orchestrator.provider.image;

import java.nio.file.Path;
import java.util.List;

/** Generates the N variations of one storyboard frame. */
public interface ImageProvider {
  /** Name reported in EngineInfo ("animatic", "openai"). */
  String name();

  /**
   * Writes {@code request.variations()} images under {@code request.outDir()} and returns their
   * paths in variation order. Throws when generation fails; the caller retries once.
   */
  List<Path> generate(ImageRequest request) throws Exception;
}
