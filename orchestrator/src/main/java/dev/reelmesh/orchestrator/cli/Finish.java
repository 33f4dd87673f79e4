package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.v1.JobResult;
import io.grpc.Channel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/** The end of a followed job, the same for generate, approve and regenerate. */
final class Finish {
  private Finish() {}

  /**
   * Succeeded: the files go to {@code out} (when given) and their place to stdout. At the plan
   * gate: the plan and the command that goes on ({@code flags} reach the same mesh). Failed
   * or cancelled: why, on stderr.
   */
  static int report(CommandSpec spec, Channel media, String flags, String jobId,
      JobFollower.Outcome outcome, Path out) throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (outcome.awaitingApproval()) {
      if (outcome.plan() != null) {
        PlanText.print(outcome.plan().getPlan(), stdout);
      }
      stdout.println("job " + jobId + " waits for approval. Go on with:");
      stdout.println("  reelmesh approve " + jobId + flags + " --out " + out
          + "   [--instruction \"make clip 2 a close-up\"]");
      stdout.flush();
      return ExitCodes.OK;
    }
    if (!outcome.succeeded()) {
      err.println("reelmesh: job " + jobId + (outcome.cancelled() ? " was cancelled"
          : " did not finish: " + (outcome.failure() != null
              ? outcome.failure().getError().getMessage() : "it ended without a result")));
      err.flush();
      return ExitCodes.FAILED;
    }
    JobResult result = outcome.result();
    if (out == null) {
      stdout.printf("job %s done (%.1f s); add --out DIR to download it%n", jobId,
          result.getDurationSeconds());
    } else {
      Path written = new OutputWriter(media, out).write(jobId, result);
      stdout.printf("%s (%.1f s) written to %s%n", written.resolve("final.mp4"),
          result.getDurationSeconds(), written);
    }
    stdout.flush();
    return ExitCodes.OK;
  }
}
