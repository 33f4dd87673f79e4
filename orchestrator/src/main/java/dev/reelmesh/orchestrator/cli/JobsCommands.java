package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.v1.CancelJobRequest;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.FrameSelector;
import dev.reelmesh.v1.GetJobRequest;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.ListJobsRequest;
import dev.reelmesh.v1.ListJobsResponse;
import dev.reelmesh.v1.PipelineServiceGrpc;
import dev.reelmesh.v1.RegenerateClipsRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reelmesh jobs | watch ID | cancel ID | regenerate ID}: talk to a running mesh
 * (reelmesh up).
 */
final class JobsCommands {
  private JobsCommands() {}

  abstract static class Remote implements Callable<Integer> {
    @Option(names = "--server", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:50051",
        description = "Pipeline service of a running mesh (default ${DEFAULT-VALUE}).")
    String server;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      check(new Checks(spec));
      try (Connection connection = Connection.remote(server, null)) {
        return run(connection, PipelineServiceGrpc.newBlockingStub(connection.pipeline()),
            spec.commandLine().getOut());
      }
    }

    /** Flag checks before connecting. */
    void check(Checks checks) {
      checks.hostPort("--server", server);
    }

    abstract int run(Connection connection,
        PipelineServiceGrpc.PipelineServiceBlockingStub pipeline, PrintWriter out)
        throws Exception;
  }

  @Command(name = "jobs", mixinStandardHelpOptions = true, description = "List jobs, newest first.",
      footer = ExitCodes.HELP, subcommands = {JobsCleanup.Rm.class, JobsCleanup.Gc.class})
  static final class Jobs extends Remote {
    @Option(names = "--limit", defaultValue = "50", description = "At most this many, 1-500 "
        + "(default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    void check(Checks checks) {
      super.check(checks);
      checks.range("--limit", limit, 1, 500);
    }

    @Override
    int run(Connection connection, PipelineServiceGrpc.PipelineServiceBlockingStub pipeline,
        PrintWriter out) {
      ListJobsResponse page = pipeline.listJobs(ListJobsRequest.newBuilder().setPageSize(limit)
          .build());
      if (page.getJobsCount() == 0) {
        out.println("no jobs yet at " + server + " — start one with: reelmesh generate "
            + "\"a brief\""
            + " --server " + server);
      }
      for (Job job : page.getJobsList()) {
        out.printf(Locale.ROOT, "%-22s %-18s %5.0f%%  %s%n", job.getJobId(),
            job.getState().name().replace("JOB_STATE_", ""), job.getPercent(),
            Money.cut(job.getSpec().getBrief(), 60));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "watch", mixinStandardHelpOptions = true,
      description = "Follow a job's events (from the start, or after --after) until it ends or "
          + "waits for approval.", footer = ExitCodes.HELP)
  static final class Watch extends Remote {
    @Parameters(index = "0", paramLabel = "JOB_ID")
    String jobId;

    @Option(names = "--after", defaultValue = "0", description = "Resume after this sequence.")
    long after;

    @Override
    void check(Checks checks) {
      super.check(checks);
      if (after < 0) {
        throw checks.refuse("--after must be 0 or more, got " + after);
      }
    }

    @Override
    int run(Connection connection, PipelineServiceGrpc.PipelineServiceBlockingStub pipeline,
        PrintWriter out) {
      JobFollower.Outcome outcome = JobFollower.follow(pipeline, jobId, after,
          new ProgressView.Plain(out));
      if (outcome.awaitingApproval()) {
        out.println("job " + jobId + " waits for approval: reelmesh approve " + jobId
            + " --server " + server);
      }
      out.flush();
      return outcome.succeeded() || outcome.awaitingApproval() ? ExitCodes.OK : ExitCodes.FAILED;
    }
  }

  @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a job.",
      footer = ExitCodes.HELP)
  static final class Cancel extends Remote {
    @Parameters(index = "0", paramLabel = "JOB_ID")
    String jobId;

    @Override
    int run(Connection connection, PipelineServiceGrpc.PipelineServiceBlockingStub pipeline,
        PrintWriter out) {
      Job job = pipeline.cancelJob(CancelJobRequest.newBuilder().setJobId(jobId).build());
      out.println(job.getJobId() + " " + job.getState().name().replace("JOB_STATE_", ""));
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "regenerate", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Redo clips of a finished job, optionally reworded, then follow it and "
          + "write the new video and artifacts to --out.",
          "Clips are numbered from 1, as in the plan, the report and instructions."},
      footer = ExitCodes.HELP)
  static final class Regenerate extends Remote {
    @Parameters(index = "0", paramLabel = "JOB_ID")
    String jobId;

    @Option(names = "--clip", paramLabel = "N", description = "A clip to render again "
        + "(repeatable).")
    List<Integer> clips = new ArrayList<>();

    @Option(names = "--frames", paramLabel = "N", description = "A clip whose storyboard frames "
        + "are redone too (repeatable).")
    List<Integer> frames = new ArrayList<>();

    @Option(names = "--instruction", paramLabel = "TEXT", defaultValue = "",
        description = "Reword the named clips first (\"make it a close-up\", \"shorter "
            + "narration\").")
    String instruction;

    @Option(names = "--out", paramLabel = "DIR",
        description = "Write the new video and artifacts here (as generate does).")
    Path out;

    @Option(names = "--detach", description = "Start it and return without following.")
    boolean detach;

    @Override
    void check(Checks checks) {
      super.check(checks);
      if (clips.isEmpty() && frames.isEmpty()) {
        throw checks.refuse("name at least one --clip or --frames");
      }
      clips.forEach(n -> checks.clipIndex("--clip", n));
      frames.forEach(n -> checks.clipIndex("--frames", n));
      checks.outputDirectory("--out", out);
      if (detach && out != null) {
        throw checks.refuse("--out needs the job followed; drop --detach (or --out)");
      }
    }

    @Override
    int run(Connection connection, PipelineServiceGrpc.PipelineServiceBlockingStub pipeline,
        PrintWriter stdout) throws Exception {
      Checks checks = new Checks(spec);
      Job before = pipeline.getJob(GetJobRequest.newBuilder().setJobId(jobId).build());
      int count = before.getResult().getPlan().getClipsCount();
      RegenerateClipsRequest.Builder request = RegenerateClipsRequest.newBuilder()
          .setJobId(jobId).setInstruction(instruction);
      for (int n : clips) {
        request.addClipIndices(inPlan(checks, "--clip", n, count));
      }
      for (int n : frames) {
        request.addFrames(FrameSelector.newBuilder()
            .setClipIndex(inPlan(checks, "--frames", n, count))
            .setFrame(FrameKind.FRAME_KIND_START));
      }
      Job job = pipeline.regenerateClips(request.build()).getJob();
      spec.commandLine().getErr().println("job " + job.getJobId() + " regenerating clip"
          + (clips.size() + frames.size() > 1 ? "s " : " ") + numbers());
      spec.commandLine().getErr().flush();
      if (detach) {
        stdout.println(job.getJobId() + " " + job.getState().name().replace("JOB_STATE_", ""));
        stdout.flush();
        return ExitCodes.OK;
      }
      JobFollower.Outcome outcome = JobFollower.follow(pipeline, jobId, before.getLastSequence(),
          new ProgressView.Plain(stdout));
      return Finish.report(spec, connection.media(), " --server " + server, jobId, outcome, out);
    }

    /** A finished job's clip count is known only once connected: checked before any work. */
    private static int inPlan(Checks checks, String option, int number, int count) {
      if (count > 0 && number > count) {
        throw checks.refuse(option + " must be 1–" + count + " (the job has " + count
            + " clips), got " + number);
      }
      return checks.clipIndex(option, number);
    }

    private String numbers() {
      java.util.TreeSet<Integer> all = new java.util.TreeSet<>(clips);
      all.addAll(frames);
      return all.toString().replace("[", "").replace("]", "");
    }
  }
}
