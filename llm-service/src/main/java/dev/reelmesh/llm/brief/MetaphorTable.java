package dev.reelmesh.llm.brief;

import static dev.reelmesh.common.error.Statuses.invalid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Concept → visual gag. Entries are checked in order: the request's table, the repository's
 * {@code .reelmesh/metaphors.tsv}, then the built-in kitchen-comedy table; the first whose
 * keywords match a word of the concept's name wins.
 */
public final class MetaphorTable {
  public static final String FILE = "metaphors.tsv";
  static final double DEFAULT_SECONDS = 3;

  /** One line of a table. */
  record Entry(List<String> keywords, String gag, double seconds, String source) {}

  private final List<Entry> entries;

  private MetaphorTable(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  static MetaphorTable load(String requestTable, String repositoryTable) {
    List<Entry> entries = new ArrayList<>();
    entries.addAll(parse(requestTable, "metaphor_table", "request"));
    entries.addAll(parse(repositoryTable, ".reelmesh/" + FILE, "repository file"));
    entries.addAll(parse(TableFiles.resource(FILE), "built-in " + FILE, "built-in"));
    return new MetaphorTable(entries);
  }

  private static List<Entry> parse(String text, String field, String source) {
    List<Entry> out = new ArrayList<>();
    for (TableFiles.Row row : TableFiles.rows(text, field)) {
      List<String> c = row.cells();
      if (c.size() < 2 || c.size() > 3 || c.get(0).isEmpty() || c.get(1).isEmpty()) {
        throw invalid(field.startsWith(".") ? "repository_path" : field, row.where()
            + ": expected KEYWORDS<TAB>GAG[<TAB>SECONDS], got " + c.size() + " cells");
      }
      double seconds = DEFAULT_SECONDS;
      if (c.size() == 3 && !c.get(2).isEmpty()) {
        try {
          seconds = Double.parseDouble(c.get(2));
        } catch (NumberFormatException e) {
          seconds = -1;
        }
        if (!(seconds > 0 && seconds <= 30)) {
          throw invalid(field.startsWith(".") ? "repository_path" : field, row.where()
              + ": SECONDS must be in (0, 30], got '" + c.get(2) + "'");
        }
      }
      List<String> keywords = List.of(c.get(0).toLowerCase(Locale.ROOT).split("\\|")).stream()
          .map(String::strip).filter(k -> !k.isEmpty()).toList();
      out.add(new Entry(keywords, c.get(1), seconds, source));
    }
    return out;
  }

  Optional<Entry> match(String conceptName) {
    List<String> words = Concept.words(conceptName);
    String joined = String.join("", words);
    for (Entry e : entries) {
      for (String k : e.keywords()) {
        if (words.contains(k) || words.stream().anyMatch(w -> k.length() >= 4 && w.startsWith(k))
            || (k.length() >= 6 && joined.contains(k))) {
          return Optional.of(e);
        }
      }
    }
    return Optional.empty();
  }
}
