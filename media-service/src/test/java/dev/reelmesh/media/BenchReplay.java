package dev.reelmesh.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a captured service command replayable after the call: the job's work files (the
 * rendered mix, caption texts) live in a temp directory removed when the call ends, so they are
 * copied out while the command runs, and the command is pointed at the copies.
 */
final class BenchReplay {
  private static final Pattern WORK_DIR = Pattern.compile("(/[^\\s:'=,]*reelmesh-stitch-audio"
      + "[^/\\s:'=,]*)");

  private BenchReplay() {}

  static void keepWorkFiles(List<String> command, Path copyTo) {
    for (String dir : workDirs(command)) {
      try (var files = Files.list(Path.of(dir))) {
        Files.createDirectories(copyTo);
        for (Path f : files.toList()) {
          Files.copy(f, copyTo.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The command with its work directory and its partial output replaced. */
  static List<String> rewrite(List<String> command, Path copies, Path output) {
    List<String> dirs = workDirs(command);
    List<String> out = new ArrayList<>();
    for (String a : command) {
      for (String d : dirs) {
        a = a.replace(d, copies.toString());
      }
      out.add(a.contains("/.partial-") && a.endsWith(".mp4") ? output.toString() : a);
    }
    return out;
  }

  private static List<String> workDirs(List<String> command) {
    List<String> dirs = new ArrayList<>();
    for (String a : command) {
      Matcher m = WORK_DIR.matcher(a);
      while (m.find()) {
        if (!dirs.contains(m.group(1))) {
          dirs.add(m.group(1));
        }
      }
    }
    return dirs;
  }
}
