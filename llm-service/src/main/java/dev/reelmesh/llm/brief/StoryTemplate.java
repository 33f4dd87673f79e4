package dev.reelmesh.llm.brief;

import static dev.reelmesh.common.error.Statuses.invalid;

import java.util.ArrayList;
import java.util.List;

/**
 * The timed story of a repository video (default: 90 s in five beats, title and myth → setup →
 * attempt and error cascade → centrepiece → resolution), from the request's story_table, the
 * repository's {@code .reelmesh/story.tsv} or the built-in file, the first present. Beats tile
 * their total without gaps and scale to the requested duration.
 */
public final class StoryTemplate {
  public static final String FILE = "story.tsv";

  /** One beat, in seconds of the template or, once scaled, of the video. */
  public record Beat(double start, double end, String name, String direction) {
    /** "0–15 s title and myth: …". */
    public String line() {
      return BriefDrafter.fmt(start) + "–" + BriefDrafter.fmt(end) + " s " + name + ": " + direction;
    }
  }

  private final List<Beat> beats;
  private final String source;

  private StoryTemplate(List<Beat> beats, String source) {
    this.beats = List.copyOf(beats);
    this.source = source;
  }

  static StoryTemplate load(String requestTable, String repositoryTable) {
    if (!requestTable.isBlank()) {
      return parse(requestTable, "story_table", "story_table");
    }
    if (!repositoryTable.isBlank()) {
      return parse(repositoryTable, ".reelmesh/" + FILE, "repository_path");
    }
    return parse(TableFiles.resource("story-90s.tsv"), "built-in story-90s.tsv", "story_table");
  }

  private static StoryTemplate parse(String text, String source, String field) {
    List<Beat> beats = new ArrayList<>();
    double at = 0;
    for (TableFiles.Row row : TableFiles.rows(text, source)) {
      List<String> c = row.cells();
      if (c.size() != 4 || c.get(2).isEmpty() || c.get(3).isEmpty()) {
        throw invalid(field, row.where() + ": expected START<TAB>END<TAB>NAME<TAB>DIRECTION");
      }
      double start;
      double end;
      try {
        start = Double.parseDouble(c.get(0));
        end = Double.parseDouble(c.get(1));
      } catch (NumberFormatException e) {
        throw invalid(field, row.where() + ": START and END must be seconds, got '" + c.get(0) + "', '" + c.get(1) + "'");
      }
      if (Math.abs(start - at) > 1e-9 || !(end > start) || end > 600) {
        throw invalid(field, row.where() + ": beats must follow each other without gaps from 0 (expected start "
            + at + ", end > start, end <= 600), got " + start + "–" + end);
      }
      beats.add(new Beat(start, end, c.get(2), c.get(3)));
      at = end;
    }
    if (beats.isEmpty()) {
      throw invalid(field, source + ": no beats");
    }
    return new StoryTemplate(beats, source);
  }

  String source() {
    return source;
  }

  double total() {
    return beats.get(beats.size() - 1).end();
  }

  /** The beats stretched to {@code seconds}; the last ends exactly there. */
  List<Beat> scaled(double seconds) {
    double k = seconds / total();
    List<Beat> out = new ArrayList<>();
    for (int i = 0; i < beats.size(); i++) {
      Beat b = beats.get(i);
      double end = i == beats.size() - 1 ? seconds : Math.round(b.end() * k * 100) / 100.0;
      out.add(new Beat(out.isEmpty() ? 0 : out.get(out.size() - 1).end(), end, b.name(), b.direction()));
    }
    return out;
  }
}
