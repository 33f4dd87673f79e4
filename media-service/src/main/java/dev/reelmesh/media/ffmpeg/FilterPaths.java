package dev.reelmesh.media.ffmpeg;

import java.nio.file.Path;

/**
 * File paths written into a filter graph (drawtext's fontfile/textfile). Such a path goes through
 * two levels of filter-graph unescaping; rather than trust a double-escaped path, only plain ones
 * are accepted (our text files live in a fresh temp directory, fonts in system font directories).
 */
public final class FilterPaths {
  private FilterPaths() {}

  public static String plain(Path path) {
    String s = path.toString();
    if (!s.matches("[A-Za-z0-9._/+-]+")) {
      throw new IllegalStateException("drawtext cannot safely reference the path '" + s
          + "' (it has characters that need filter escaping); use a font and temp directory "
          + "whose paths have none");
    }
    return s;
  }
}
