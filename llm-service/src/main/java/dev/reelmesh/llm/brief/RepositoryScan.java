package dev.reelmesh.llm.brief;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a code repository: the README's title and opening paragraph, the docs' headings, and
 * from main code only (not tests, vendored or generated files, see {@link FileKind}) the types it
 * declares weighted by how often main code uses them, its function names and its errors with
 * their meaning. Bounded (files, bytes per file); links are not followed; VCS folders skipped.
 */
public final class RepositoryScan {
  static final int MAX_FILES = 2_000;
  static final int MAX_BYTES_PER_FILE = 200_000;
  /** VCS and build-output folders: not walked at all (a build tree can hold thousands of copies). */
  private static final Set<String> SKIP_DIRS = Set.of(".git", ".hg", ".svn", ".idea", ".vscode", ".mvn", "target",
      "build", "dist", "out", ".gradle", "__pycache__", "node_modules", ".venv", "venv");
  private static final Pattern TYPE = Pattern.compile(
      "\\b(?:class|interface|enum|record|struct|trait|object|protocol)\\s+([A-Z][A-Za-z0-9_]{2,})"
          + "|\\btype\\s+([A-Z][A-Za-z0-9_]{2,})\\s+(?:struct|interface)\\b");
  private static final Pattern FUNCTION = Pattern.compile(
      "\\b(?:def|function|func|fn)\\s+([a-zA-Z_][A-Za-z0-9_]{2,})");
  private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Z][A-Za-z0-9_]{2,}\\b");
  private static final Pattern HEADING = Pattern.compile("(?m)^#{1,3}\\s+(.{3,80})$");

  /** What a scan found; maps keep first-seen order. */
  public record Findings(int filesScanned, Map<FileKind, Integer> kinds, String readmeTitle, String readmeSummary,
      Map<String, Integer> docHeadings, Map<String, Integer> languages, Map<String, String> typeFiles,
      Map<String, Integer> references, Map<String, Integer> functions, Map<String, String> errorMeanings,
      Map<String, Integer> errorCounts) {
    int count(FileKind kind) {
      return kinds.getOrDefault(kind, 0);
    }

    /** Declared main types, weight = uses across main code. */
    Map<String, Integer> types() {
      Map<String, Integer> out = new LinkedHashMap<>();
      typeFiles.keySet().forEach(t -> out.put(t, references.getOrDefault(t, 1)));
      return out;
    }
  }

  public static Findings scan(Path root) {
    Findings f = new Findings(0, new EnumMap<>(FileKind.class), "", "", new LinkedHashMap<>(), new LinkedHashMap<>(),
        new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
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
          if (!attrs.isRegularFile()) {
            return FileVisitResult.CONTINUE; // links are not followed: they may lead out of the root
          }
          Path relative = root.relativize(file);
          FileKind kind = FileKind.of(relative);
          if (kind == FileKind.OTHER) {
            return FileVisitResult.CONTINUE;
          }
          files[0]++;
          if (kind != FileKind.MAIN && kind != FileKind.DOC) {
            f.kinds().merge(kind, 1, Integer::sum); // counted, never read
            return FileVisitResult.CONTINUE;
          }
          String text = read(file);
          if (kind == FileKind.MAIN && FileKind.GENERATED_HEADER.matcher(text.substring(0, Math.min(600, text.length()))).find()) {
            kind = FileKind.GENERATED;
            f.kinds().merge(kind, 1, Integer::sum);
            return FileVisitResult.CONTINUE;
          }
          f.kinds().merge(kind, 1, Integer::sum);
          if (kind == FileKind.DOC) {
            doc(relative, text);
          } else {
            code(relative, text);
          }
          return FileVisitResult.CONTINUE;
        }

        private void doc(Path relative, String text) {
          if (readme[0].isEmpty() && relative.getNameCount() == 1
              && relative.toString().toLowerCase(Locale.ROOT).startsWith("readme")) {
            readme[0] = Readme.title(text);
            readme[1] = Readme.summary(text);
          }
          Matcher h = HEADING.matcher(text);
          while (h.find()) {
            f.docHeadings().merge(h.group(1).replaceAll("[`*_#]", "").strip(), 1, Integer::sum);
          }
        }

        private void code(Path relative, String text) {
          String name = relative.getFileName().toString();
          f.languages().merge(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT), 1, Integer::sum);
          Matcher t = TYPE.matcher(text);
          while (t.find()) {
            f.typeFiles().putIfAbsent(t.group(1) != null ? t.group(1) : t.group(2), relative.toString());
          }
          count(FUNCTION, text, f.functions());
          count(IDENTIFIER, text, f.references());
          ErrorNames.collect(text, f.errorMeanings(), f.errorCounts());
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) {
          return FileVisitResult.CONTINUE; // unreadable files are skipped, not fatal
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan " + root, e);
    }
    return new Findings(files[0], f.kinds(), readme[0], readme[1], f.docHeadings(), f.languages(), f.typeFiles(),
        f.references(), f.functions(), f.errorMeanings(), f.errorCounts());
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
      into.merge(m.group(m.groupCount() > 0 && m.group(1) != null ? 1 : 0), 1, Integer::sum);
    }
  }
}
