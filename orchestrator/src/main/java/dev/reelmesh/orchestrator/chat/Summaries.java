package dev.reelmesh.orchestrator.chat;

import dev.reelmesh.v1.ChatToolCall;
import io.grpc.StatusRuntimeException;
import java.util.Locale;

/** A paid tool call in words, for the question the user answers with yes or no. */
final class Summaries {
  private Summaries() {}

  static String of(ChatToolCall call) {
    String what;
    try {
      ToolArguments args = new ToolArguments(call.getArgumentsJson());
      what = switch (call.getTool()) {
        case "submit" -> "render a new video of \"" + args.optionalText("brief") + "\"";
        case "approve" -> "render job " + args.optionalText("job_id") + " as planned";
        case "regenerate" -> "redo clip(s) " + args.clipIndices("clips").stream()
            .map(i -> String.valueOf(i + 1)).reduce((a, b) -> a + ", " + b).orElse("")
            + " of job " + args.optionalText("job_id")
            + (args.has("instruction") ? " (\"" + args.optionalText("instruction") + "\")" : "");
        default -> call.getTool();
      };
    } catch (StatusRuntimeException e) {
      what = call.getTool() + " (its arguments will be refused: "
          + e.getStatus().getDescription() + ")";
    }
    return what + (call.hasEstimate() ? String.format(Locale.ROOT, ", estimated $%.4f",
        call.getEstimate().getEstimatedTotalMicros() / 1e6) : "");
  }
}
