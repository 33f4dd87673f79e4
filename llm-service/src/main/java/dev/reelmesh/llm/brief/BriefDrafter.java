package dev.reelmesh.llm.brief;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Composes the repository video: the story template's beats filled from the concepts and
 * scaled to the duration (the outline), and the brief for PlanScript, whose subject is the
 * project itself. Then compresses to the budget level: fewer concepts, no meanings, shorter
 * directions, until brief + outline fit the level's token cap.
 */
public final class BriefDrafter {
  /** What the caller asked for besides the repository. */
  public record Ask(String audience, double seconds, String tone, BudgetLevel budget) {}

  private record Detail(int concepts, boolean meanings, int words) {}

  private record Draft(String brief, List<StoryTemplate.Beat> outline) {
    int tokens() {
      return BudgetLevel.tokens(brief) + outline.stream().mapToInt(b -> BudgetLevel.tokens(b.direction())).sum();
    }
  }

  private BriefDrafter() {}

  public static RepositoryBrief draft(String repoName, RepositoryScan.Findings f, List<Concept> ranked,
      StoryTemplate story, Ask ask) {
    String title = !f.readmeTitle().isEmpty() ? f.readmeTitle() : repoName;
    Composer c = new Composer(title, f, ranked, story, ask);
    int full = c.compose(new Detail(ranked.size(), true, Integer.MAX_VALUE), false).tokens();
    BudgetLevel level = ask.budget();
    Detail d = new Detail(Math.min(level.maxConcepts, ranked.size()), level.meanings, level.directionWords);
    Draft draft = c.compose(d, true);
    while (draft.tokens() > level.tokens) {
      if (d.meanings()) {
        d = new Detail(d.concepts(), false, d.words());
      } else if (d.concepts() > 1) {
        d = new Detail(d.concepts() - 1, false, d.words());
      } else if (d.words() > 6) {
        d = new Detail(d.concepts(), false, d.words() - 4);
      } else {
        break;
      }
      draft = c.compose(d, true);
    }
    if (draft.tokens() > level.tokens) { // a huge README title or summary: the brief gives way
      int room = Math.max(40, (level.tokens - (draft.tokens() - BudgetLevel.tokens(draft.brief()))) * 4);
      draft = new Draft(cut(draft.brief(), room), draft.outline());
    }
    Map<String, Integer> kinds = new HashMap<>();
    f.kinds().forEach((k, v) -> kinds.put(k.name().toLowerCase(Locale.ROOT), v));
    List<Concept> used = ranked.subList(0, Math.min(d.concepts(), ranked.size()));
    return new RepositoryBrief(title, title, c.productDescription(), draft.brief(), used, draft.outline(), full,
        draft.tokens(), level.tokens, f.filesScanned(), kinds, story.source());
  }

  /** Fills the template and writes the brief at one level of detail. */
  private static final class Composer {
    private final String title;
    private final RepositoryScan.Findings f;
    private final List<Concept> ranked;
    private final StoryTemplate story;
    private final Ask ask;

    Composer(String title, RepositoryScan.Findings f, List<Concept> ranked, StoryTemplate story, Ask ask) {
      this.title = title;
      this.f = f;
      this.ranked = ranked;
      this.story = story;
      this.ask = ask;
    }

    String summary() {
      return f.readmeSummary().isEmpty() ? title + " is a " + languages() + " code base." : f.readmeSummary();
    }

    String productDescription() {
      return title + ": " + firstSentence(summary());
    }

    Draft compose(Detail d, boolean capBrief) {
      List<Concept> chosen = ranked.subList(0, Math.min(d.concepts(), ranked.size()));
      Concept centre = chosen.stream().filter(x -> x.kind() == Concept.Kind.TYPE).findFirst()
          .orElse(chosen.isEmpty() ? null : chosen.get(0));
      List<Concept> errors = chosen.stream().filter(x -> x.kind() == Concept.Kind.ERROR && x != centre).toList();
      List<Concept> others = chosen.stream().filter(x -> x.kind() != Concept.Kind.ERROR && x != centre).toList();
      Map<String, String> values = new HashMap<>();
      values.put("project", title);
      values.put("tone", ask.tone());
      values.put("summary", d.meanings() ? summary() : firstSentence(summary()));
      values.put("myth", "'" + title + "? It can't be that simple.'"
          + (d.meanings() ? " The README promises otherwise: " + firstSentence(summary()) : ""));
      values.put("tools", languages() + (others.isEmpty() ? "" : "; on the shelf: "
          + others.stream().limit(3).map(Concept::name).collect(Collectors.joining(", "))));
      values.put("errors", errors.isEmpty() ? "a dish slips, a pot boils over, the toast burns"
          : errors.stream().map(e -> e.name() + (d.meanings() ? " (" + e.meaning() + ")" : "") + ": " + e.gag())
              .collect(Collectors.joining("; ")));
      values.put("centrepiece", centre == null ? title + " at work" : centre.name() + ": " + centre.gag());
      values.put("gags", others.isEmpty() ? "the kitchen hums along"
          : others.stream().map(o -> o.name() + ": " + o.gag()).collect(Collectors.joining("; ")));
      values.put("resolution", title + " does the work and the hero sits back; " + firstSentence(summary()));
      List<StoryTemplate.Beat> outline = new ArrayList<>();
      for (StoryTemplate.Beat b : story.scaled(ask.seconds())) {
        outline.add(new StoryTemplate.Beat(b.start(), b.end(), b.name(), words(fill(b.direction(), values), d.words())));
      }
      StringBuilder brief = new StringBuilder(title).append(": a ").append(fmt(ask.seconds())).append("-second ")
          .append(ask.tone()).append(" video about the software project ").append(title).append(" (")
          .append(languages()).append("). ").append(values.get("summary")).append(' ');
      if (!ask.audience().isBlank()) {
        brief.append("For ").append(ask.audience().strip()).append(". ");
      }
      brief.append("Timed story: ");
      brief.append(outline.stream().map(b -> fmt(b.start()) + "–" + fmt(b.end()) + " s " + b.name()
          + (d.meanings() ? " (" + words(b.direction(), 16) + ")" : "")).collect(Collectors.joining("; ")));
      brief.append(". Visual gags from the code: ").append(chosen.isEmpty() ? "none found"
          : chosen.stream().map(x -> x.name() + " as " + x.gag()).collect(Collectors.joining("; ")));
      brief.append(". The subject is ").append(title).append(" itself, shown by what it does.");
      String text = brief.toString();
      return new Draft(capBrief ? cut(text, BudgetLevel.MAX_BRIEF_CHARS) : text, outline);
    }

    private String languages() {
      List<String> names = f.languages().entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(3)
          .map(e -> language(e.getKey())).distinct().toList();
      return names.isEmpty() ? "code" : String.join(" and ", names);
    }
  }

  static String language(String ext) {
    return switch (ext) {
      case "java" -> "Java";
      case "kt" -> "Kotlin";
      case "scala" -> "Scala";
      case "py" -> "Python";
      case "js", "jsx", "mjs" -> "JavaScript";
      case "ts", "tsx" -> "TypeScript";
      case "go" -> "Go";
      case "rs" -> "Rust";
      case "rb" -> "Ruby";
      case "cs" -> "C#";
      case "c", "h" -> "C";
      case "cc", "cpp", "hpp" -> "C++";
      case "swift" -> "Swift";
      case "php" -> "PHP";
      default -> ext;
    };
  }

  private static String fill(String template, Map<String, String> values) {
    String out = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("{" + e.getKey() + "}", e.getValue());
    }
    return out;
  }

  private static String words(String text, int max) {
    String[] w = text.strip().split("\\s+");
    return w.length <= max ? text.strip() : String.join(" ", List.of(w).subList(0, max)).replaceAll("[,;:]+$", "") + "…";
  }

  static String firstSentence(String text) {
    int dot = text.indexOf(". ");
    return dot < 0 ? text : text.substring(0, dot + 1);
  }

  private static String cut(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    return text.substring(0, maxChars - 1).replaceAll("\\s+\\S*$", "") + "…";
  }

  static String fmt(double seconds) {
    return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : String.format(Locale.ROOT, "%.2f", seconds)
        .replaceAll("0+$", "");
  }
}
