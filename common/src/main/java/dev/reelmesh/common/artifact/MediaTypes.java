package dev.reelmesh.common.artifact;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Media types by file extension, for the kinds of files a job produces. */
public final class MediaTypes {
  private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("mp4", "video/mp4"),
      Map.entry("mov", "video/quicktime"),
      Map.entry("webm", "video/webm"),
      Map.entry("mkv", "video/x-matroska"),
      Map.entry("png", "image/png"),
      Map.entry("jpg", "image/jpeg"),
      Map.entry("jpeg", "image/jpeg"),
      Map.entry("webp", "image/webp"),
      Map.entry("wav", "audio/wav"),
      Map.entry("m4a", "audio/mp4"),
      Map.entry("aac", "audio/aac"),
      Map.entry("mp3", "audio/mpeg"),
      Map.entry("ogg", "audio/ogg"),
      Map.entry("srt", "application/x-subrip"),
      Map.entry("json", "application/json"),
      Map.entry("md", "text/markdown"),
      Map.entry("txt", "text/plain"));

  private MediaTypes() {}

  public static String guess(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    if (dot < 0) {
      return "application/octet-stream";
    }
    return BY_EXTENSION.getOrDefault(
        name.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
  }
}
