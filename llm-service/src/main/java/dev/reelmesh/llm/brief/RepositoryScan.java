package dev.reelmesh.llm.brief;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a code repository: the README's opening paragraph, type and function names, and error
 * patterns, counted by frequency. Bounded (files, bytes per file) so a huge tree cannot stall it;
 * build outputs and VCS folders are skipped.
 */
public final class RepositoryScan {
  static final int MAX_FILES = 2_000;
  static final int MAX_BYTES_PER_FILE = 200_000;
  private static final Set<String> SKIP_DIRS = Set.of(".git", ".hg", ".svn", "target", "build", "dist",
      "node_modules", "vendor", ".idea", ".vscode", "__pycache__", ".venv", "venv", "out", ".gradle");
  private static final Set<String> SOURCE = Set.of("java", "kt", "scala", "py", "js", "ts", "tsx", "jsx",
      "go", "rs", "rb", "cs", "c", "h", "cc", "cpp", "hpp", "swift", "php", "md", "txt");
  private static final Pattern TYPE = Pattern.compile(
      "\\b(?:class|interface|enum|record|struct|trait|object)\\s+([A-Z][A-Za-z0-9_]{2,})");
  private static final Pattern FUNCTION = Pattern.compile(
      "\\b(?:def|function|func|fn)\\s+([a-zA-Z_][A-Za-z0-9_]{2,})");
  private static final Pattern ERROR = Pattern.compile("\\b([A-Z][A-Za-z0-9]*(?:Error|Exception))\\b");

  /** What a scan found; maps keep first-seen order and count occurrences. */
  public record Findings(int filesScanned, String readmeSummary, String readmeTitle,
      Map<String, Integer> types, Map<String, Integer> functions, Map<String, Integer> errors) {}

  public static Findings scan(Path root) {
    Map<String, Integer> types = new LinkedHashMap<>();
    Map<String, Integer> functions = new LinkedHashMap<>();
    Map<String, Integer> errors = new LinkedHashMap<>();
    String[] readme = {"", ""};
    int[] files = {0};
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          return !dir.equals(root) && SKIP_DIRS.contains(dir.getFileName().toString())
              ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (files[0] >= MAX_FILES) {
            return FileVisitResult.TERMINATE;
          }
          String name = file.getFileName().toString();
          String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
          if (!attrs.isRegularFile() || !SOURCE.contains(ext)) {
            return FileVisitResult.CONTINUE;
          }
          String text = read(file);
          files[0]++;
          if (readme[0].isEmpty() && name.toLowerCase(Locale.ROOT).startsWith("readme")
              && file.getParent().equals(root)) {
            readme[0] = Readme.summary(text);
            readme[1] = Readme.title(text);
          }
          if (!ext.equals("md") && !ext.equals("txt")) {
            count(TYPE, text, types);
            count(FUNCTION, text, functions);
          }
          count(ERROR, text, errors);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // unreadable files are skipped, not fatal
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan " + root, e);
    }
    return new Findings(files[0], readme[0], readme[1], types, functions, errors);
  }

  private static String read(Path file) {
    try (var in = Files.newInputStream(file)) {
      return new String(in.readNBytes(MAX_BYTES_PER_FILE), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static void count(Pattern p, String text, Map<String, Integer> into) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      into.merge(m.group(1), 1, Integer::sum);
    }
  }
}
