package dev.reelmesh.scoring.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Reads one model directory: its manifest, its version directories, a version's file identity. */
final class ModelDirectory {
  private ModelDirectory() {}

  static void readManifest(ModelEntry entry) {
    String json;
    try {
      json = Files.readString(entry.dir.resolve("model.json"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      entry.manifestError = "cannot read model.json: " + e.getMessage();
      return;
    }
    if (json.equals(entry.manifestJson) && (entry.manifest != null || !entry.manifestError.isEmpty())) {
      return;
    }
    entry.manifestJson = json;
    try {
      ModelManifest parsed = ManifestParser.parse(json);
      entry.manifest = parsed;
      entry.manifestError = "";
      // A changed manifest may fix a version that failed before: let it be tried again.
      entry.failedFingerprints.clear();
    } catch (ManifestException e) {
      // Keep the manifest the serving version was loaded with; report the new one's problem.
      entry.manifestError = e.getMessage();
      if (entry.serving == null) {
        entry.manifest = null;
      }
    }
  }

  static void readVersions(ModelEntry entry) {
    try (Stream<Path> dirs = Files.list(entry.dir)) {
      dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
          .filter(s -> s.matches("[1-9][0-9]{0,17}")).map(Long::parseLong)
          .forEach(v -> entry.versions.putIfAbsent(v, VersionStatus.onDisk(v)));
    } catch (IOException e) {
      entry.manifestError = "cannot list versions: " + e.getMessage();
    }
  }

  static String fingerprint(ModelEntry entry, long version) {
    Path file = entry.dir.resolve(Long.toString(version)).resolve("model.onnx");
    try {
      return Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return "missing";
    }
  }
}
