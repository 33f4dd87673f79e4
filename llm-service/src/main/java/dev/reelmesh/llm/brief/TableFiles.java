package dev.reelmesh.llm.brief;

import static dev.reelmesh.common.error.Statuses.invalid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The editable tab-separated tables behind a repository brief (metaphors, story beats): a
 * built-in resource, a file the repository carries under {@code .reelmesh/}, and the request's
 * own text. Comment lines start with '#'. A malformed line names its source and line number.
 */
final class TableFiles {
  static final int MAX_BYTES = 64_000;

  /** One data line: its cells and where it came from ("metaphor_table line 3"). */
  record Row(List<String> cells, String source, String where) {}

  private TableFiles() {}

  static List<Row> rows(String text, String source) {
    List<Row> rows = new ArrayList<>();
    int n = 0;
    for (String line : text.split("\\R")) {
      n++;
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      rows.add(new Row(List.of(line.split("\t", -1)).stream().map(String::strip).toList(), source,
          source + " line " + n));
    }
    return rows;
  }

  static String resource(String name) {
    try (InputStream in = TableFiles.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("built-in table " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The repository's own table, if it has one (a plain file, not a link; bounded). */
  static String repositoryFile(Path repo, String name) {
    Path file = repo.resolve(".reelmesh").resolve(name);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return "";
    }
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (bytes.length > MAX_BYTES) {
        throw invalid("repository_path", ".reelmesh/" + name + " is " + bytes.length + " bytes; at most " + MAX_BYTES);
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read .reelmesh/" + name, e);
    }
  }
}
