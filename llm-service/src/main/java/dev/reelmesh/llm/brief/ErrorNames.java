package dev.reelmesh.llm.brief;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Error and exception names in main code, and what each means: for an error the project defines,
 * its doc comment or docstring, else the first message it is raised with; for one it only raises
 * (ModuleNotFoundError), the first message; failing both, its name in words.
 */
final class ErrorNames {
  /** Java/Kotlin/C#/JS/TS/Python definitions: the name, optionally the doc before it. */
  private static final Pattern DEFINED = Pattern.compile("(?s)(?:/\\*\\*((?:(?!\\*/).){0,600})\\*/\\s*(?:@\\w+\\s*)*)?"
      + "(?:(?:public|private|protected|internal|export|final|abstract|sealed|open|static|data)\\s+)*"
      + "class\\s+([A-Z]\\w*(?:Error|Exception|Failure))\\b\\s*(?:\\(|extends|:|<)"
      + "(?:[^\\n]*\\n\\s*(?:\"\"\"|''')((?:(?!\"\"\"|''').){0,600}))?");
  /** Go sentinel errors: var ErrNotFound = errors.New("not found"). */
  private static final Pattern GO_SENTINEL = Pattern.compile("\\b(Err[A-Z]\\w*)\\s*=\\s*(?:errors\\.New|fmt\\.Errorf)\\(\"([^\"]{1,200})\"");
  private static final Pattern RAISED = Pattern.compile(
      "\\b(?:throw\\s+new|raise|new|throw)\\s+([A-Z]\\w*(?:Error|Exception|Failure))\\s*\\(\\s*"
          + "(?:f?\"([^\"]{1,200})\"(?=\\s*[,)])|'([^']{1,200})'(?=\\s*[,)]))?");

  static final int DEFINED_WEIGHT = 1_000;

  private ErrorNames() {}

  /** Adds each error of {@code text} to {@code into}: name → meaning ("" until one is found). */
  static void collect(String text, Map<String, String> into, Map<String, Integer> counts) {
    Matcher d = DEFINED.matcher(text);
    while (d.find()) {
      String doc = d.group(1) != null ? d.group(1) : d.group(3);
      define(d.group(2), doc == null ? "" : clean(doc), into, counts);
    }
    Matcher g = GO_SENTINEL.matcher(text);
    while (g.find()) {
      define(g.group(1), g.group(2), into, counts);
    }
    Matcher r = RAISED.matcher(text);
    while (r.find()) {
      String message = r.group(2) != null ? r.group(2) : r.group(3) != null ? r.group(3) : "";
      counts.merge(r.group(1), 1, Integer::sum);
      into.merge(r.group(1), clean(message), (old, add) -> old.isEmpty() ? add : old);
    }
  }

  private static void define(String name, String meaning, Map<String, String> into, Map<String, Integer> counts) {
    // The project's own errors rank before platform ones it merely raises (IllegalStateException).
    counts.merge(name, DEFINED_WEIGHT, Integer::sum);
    into.merge(name, meaning, (old, add) -> add.isEmpty() ? old : add);
  }

  /** "ModuleNotFoundError" → "module not found". */
  static String inWords(String name) {
    String stem = name.replaceAll("(Error|Exception|Failure)$", "");
    return String.join(" ", stem.split("(?<=[a-z0-9])(?=[A-Z])|_")).toLowerCase(java.util.Locale.ROOT).strip();
  }

  private static String clean(String doc) {
    String s = doc.replaceAll("(?m)^\\s*\\*+", " ").replaceAll("\\{@\\w+\\s+([^}]*)}", "$1")
        .replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
    int dot = s.indexOf(". ");
    s = dot > 0 ? s.substring(0, dot + 1) : s;
    return s.length() > 160 ? s.substring(0, 160).replaceAll("\\s+\\S*$", "") + "…" : s;
  }
}
