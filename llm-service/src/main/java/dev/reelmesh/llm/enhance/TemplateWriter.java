package dev.reelmesh.llm.enhance;

import dev.reelmesh.llm.clipprompt.PaletteNames;
import dev.reelmesh.llm.plan.PlanStyle;
import java.util.Locale;

/**
 * The offline writer: adds what the critique says is missing, drawing wording from the job's
 * style when there is one, so each round fixes the heaviest gap without rewriting the rest.
 */
public final class TemplateWriter {
  public String rewrite(String prompt, Critique critique, EnhanceContext context) {
    PlanStyle style = context.style();
    StringBuilder out = new StringBuilder(prompt.strip().replaceAll("[.\\s]+$", ""));
    if (!context.frameRole().isBlank() && !out.toString().toLowerCase(Locale.ROOT).startsWith(context.frameRole().toLowerCase(Locale.ROOT))) {
      out.insert(0, capitalise(context.frameRole()) + ": ");
    }
    // Two criteria per round: enough to move the score, few enough to keep rounds meaningful.
    int fixed = 0;
    for (String missing : critique.missing()) {
      if (fixed == 2) {
        break;
      }
      String add = switch (missing) {
        case "subject" -> "the main subject shown clearly in the foreground";
        case "lighting" -> style != null && !style.lighting().isBlank() ? style.lighting() : "soft natural window light";
        case "composition" -> "medium shot framed on the rule of thirds with shallow depth of field";
        case "style" -> (style != null && !style.visualStyle().isBlank() ? style.visualStyle() : "cinematic") + " film still";
        case "specificity" -> style != null && !style.palette().isEmpty()
            ? PaletteNames.describe(style.palette()) + ", tactile ceramic and wood textures"
            : "warm amber and cream tones, tactile ceramic and wood textures";
        case "mood" -> (style != null && !style.mood().isBlank() ? style.mood() : "calm") + " atmosphere";
        case "length" -> "";
        default -> "";
      };
      if (!add.isEmpty()) {
        out.append(", ").append(add);
        fixed++;
      }
    }
    if (context.hasReference() && !out.toString().toLowerCase(Locale.ROOT).contains("reference")) {
      out.append(", consistent with the reference image");
    }
    String text = out.toString();
    String[] words = text.split("\\s+");
    if (words.length > 80) {
      text = String.join(" ", java.util.Arrays.copyOf(words, 80)).replaceAll("[,;]+$", "");
    }
    return text + ".";
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
