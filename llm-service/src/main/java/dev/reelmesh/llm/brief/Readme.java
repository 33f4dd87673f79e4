package dev.reelmesh.llm.brief;

/** The parts of a README a brief needs: its title and first prose paragraph. */
final class Readme {
  private Readme() {}

  static String title(String markdown) {
    return markdown.lines().map(String::strip).filter(l -> l.startsWith("# "))
        .map(l -> l.substring(2).strip()).findFirst().orElse("");
  }

  static String summary(String markdown) {
    StringBuilder para = new StringBuilder();
    boolean inCode = false;
    for (String raw : markdown.lines().toList()) {
      String line = raw.strip();
      if (line.startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      if (inCode || line.startsWith("#") || line.startsWith("!") || line.startsWith("[!") || line.startsWith("<")
          || line.startsWith("|")) {
        if (para.length() > 0) {
          break;
        }
        continue;
      }
      if (line.isEmpty()) {
        if (para.length() > 0) {
          break;
        }
        continue;
      }
      para.append(para.length() == 0 ? "" : " ").append(line);
    }
    String s = para.toString().replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replaceAll("[*_`]", "");
    return s.length() > 400 ? s.substring(0, 400).replaceAll("\\s+\\S*$", "") + "…" : s;
  }
}
