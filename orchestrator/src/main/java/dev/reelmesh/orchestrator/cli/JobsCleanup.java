package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.v1.CollectGarbageRequest;
import dev.reelmesh.v1.CollectGarbageResponse;
import dev.reelmesh.v1.DeleteJobRequest;
import dev.reelmesh.v1.DeleteJobResponse;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.PipelineServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reelmesh jobs rm JOB…} and {@code reelmesh jobs gc}: reclaim the data directory. A
 * deleted job's artifacts, events and steps go; its charges stay in the ledger, because money
 * history is never deleted.
 */
final class JobsCleanup {
  static final String KEPT = "charges stay in the ledger: money history is never deleted";

  private JobsCleanup() {}

  @Command(name = "rm", mixinStandardHelpOptions = true,
      description = {"Delete ended jobs: their artifacts directory, events and steps.",
          "A job still running (or queued, or waiting for approval) is refused: cancel it first. "
              + "Its " + KEPT + "."}, footer = ExitCodes.HELP)
  static final class Rm extends JobsCommands.Remote {
    @Parameters(arity = "1..*", paramLabel = "JOB_ID")
    List<String> jobIds = new ArrayList<>();

    @Override
    int run(Connection connection, PipelineServiceGrpc.PipelineServiceBlockingStub pipeline,
        PrintWriter out) {
      PrintWriter err = spec.commandLine().getErr();
      int failed = 0;
      for (String id : jobIds) {
        try {
          out.println("deleted " + line(pipeline.deleteJob(
              DeleteJobRequest.newBuilder().setJobId(id).build())));
        } catch (StatusRuntimeException e) {
          if (e.getStatus().getCode() == Status.Code.UNAVAILABLE) {
            throw e; // no mesh: the one message (and exit 3) for the whole command
          }
          failed++;
          err.println("reelmesh: " + id + ": " + e.getStatus().getCode() + ": "
              + e.getStatus().getDescription());
        }
      }
      out.flush();
      err.flush();
      return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  @Command(name = "gc", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Delete every ended job in the given states that ended before a cut-off.",
          "Their " + KEPT + "."}, footer = ExitCodes.HELP)
  static final class Gc extends JobsCommands.Remote {
    @Option(names = "--older-than", paramLabel = "AGE", defaultValue = "30d",
        description = "Jobs that ended longer ago than this: N followed by s, m, h, d or w; 0 = "
            + "any age (default ${DEFAULT-VALUE}).")
    String olderThan;

    @Option(names = "--state", paramLabel = "STATE", split = ",",
        description = "Ended states to collect: succeeded, failed, cancelled (default "
            + "failed,cancelled).")
    List<String> states = new ArrayList<>();

    @Option(names = "--dry-run", description = "List what would be deleted; delete nothing.")
    boolean dryRun;

    private long seconds;
    private final List<JobState> chosen = new ArrayList<>();

    @Override
    void check(Checks checks) {
      super.check(checks);
      seconds = age(checks, olderThan);
      for (String state : states) {
        chosen.add(switch (state.strip().toLowerCase(Locale.ROOT)) {
          case "succeeded" -> JobState.JOB_STATE_SUCCEEDED;
          case "failed" -> JobState.JOB_STATE_FAILED;
          case "cancelled", "canceled" -> JobState.JOB_STATE_CANCELLED;
          default -> throw checks.refuse("--state must be succeeded, failed or cancelled "
              + "(only ended jobs are collected), got '" + state + "'");
        });
      }
    }

    @Override
    int run(Connection connection, PipelineServiceGrpc.PipelineServiceBlockingStub pipeline,
        PrintWriter out) {
      CollectGarbageResponse collected = pipeline.collectGarbage(CollectGarbageRequest
          .newBuilder().setOlderThanSeconds(seconds).addAllStates(chosen).setDryRun(dryRun)
          .build());
      String verb = dryRun ? "would delete " : "deleted ";
      for (DeleteJobResponse job : collected.getDeletedList()) {
        out.println(verb + line(job));
      }
      out.println(collected.getDeletedCount() == 0 ? "nothing to collect"
          : (dryRun ? "would free " : "freed ") + size(collected.getFreedBytes()) + " in "
              + collected.getDeletedCount() + " job" + (collected.getDeletedCount() == 1 ? "" : "s")
              + "; their " + KEPT);
      out.flush();
      return ExitCodes.OK;
    }
  }

  private static final Pattern AGE = Pattern.compile("(\\d{1,9})([smhdw]?)");

  /** "30d" → seconds; "0" → 0. */
  static long age(Checks checks, String text) {
    Matcher m = AGE.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches() || (m.group(2).isEmpty() && !m.group(1).equals("0"))) {
      throw checks.refuse("--older-than must be a number followed by s, m, h, d or w "
          + "(\"30d\", \"12h\"), or 0 for any age; got '" + text + "'");
    }
    long n = Long.parseLong(m.group(1));
    return n * switch (m.group(2)) {
      case "m" -> 60L;
      case "h" -> 3_600L;
      case "d" -> 86_400L;
      case "w" -> 604_800L;
      default -> 1L;
    };
  }

  private static String line(DeleteJobResponse job) {
    return job.getJobId() + " (" + job.getState().name().replace("JOB_STATE_", "") + "): "
        + job.getFiles() + " file" + (job.getFiles() == 1 ? "" : "s") + ", "
        + size(job.getFreedBytes());
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    double kib = bytes / 1024.0;
    return kib < 1024 ? String.format(Locale.ROOT, "%.1f KiB", kib)
        : String.format(Locale.ROOT, "%.1f MiB", kib / 1024);
  }
}
