package dev.reelmesh.llm.plan.music;

import static dev.reelmesh.common.error.Statuses.invalid;

import java.util.ArrayList;
import java.util.List;

/** One lyrics line; start = end = 0 means untimed. */
public record Lyric(String text, double startSeconds, double endSeconds) {
  public static final int MAX_LINES = 500;

  public boolean timed() {
    return startSeconds != 0 || endSeconds != 0;
  }

  /** Checks lines against the plan's duration; INVALID_ARGUMENT names the first bad line. */
  public static List<Lyric> validated(List<Lyric> lines, double duration, String field) {
    if (lines.size() > MAX_LINES) {
      throw invalid(field, "must have at most " + MAX_LINES + " lines, got " + lines.size());
    }
    List<Lyric> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Lyric l = lines.get(i);
      String f = field + "[" + i + "]";
      String text = l.text() == null ? "" : l.text().strip();
      if (text.isEmpty() || text.length() > 500) {
        throw invalid(f + ".text", "must be 1–500 characters, got " + text.length());
      }
      if (l.timed() && !(l.startSeconds() >= 0 && l.endSeconds() > l.startSeconds() && l.endSeconds() <= duration + 1e-3)) {
        throw invalid(f + ".end_seconds", "a timed line needs 0 <= start < end <= " + duration + ", got "
            + l.startSeconds() + "–" + l.endSeconds());
      }
      out.add(new Lyric(text, l.startSeconds(), l.endSeconds()));
    }
    return List.copyOf(out);
  }

  /** The lines sung during [from, to): timed lines by overlap, untimed ones spread in order. */
  public static String during(List<Lyric> lines, int clip, int clips, double from, double to) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Lyric l = lines.get(i);
      boolean here = l.timed() ? l.startSeconds() < to && l.endSeconds() > from
          : (int) ((long) i * clips / lines.size()) == clip;
      if (here) {
        out.add(l.text());
      }
    }
    return String.join(" / ", out);
  }
}
