package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.v1.CancelJobRequest;
import dev.reelmesh.v1.FrameKind;
import dev.reelmesh.v1.FrameSelector;
import dev.reelmesh.v1.GetJobRequest;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.ListJobsRequest;
import dev.reelmesh.v1.ListJobsResponse;
import dev.reelmesh.v1.PipelineServiceGrpc;
import dev.reelmesh.v1.RegenerateClipsRequest;
import dev.reelmesh.v1.WatchJobRequest;
import java.io.PrintWriter;
import java.util.Iterator;
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
      try (Connection connection = Connection.remote(server, null)) {
        return run(PipelineServiceGrpc.newBlockingStub(connection.pipeline()),
            spec.commandLine().getOut());
      }
    }

    abstract int run(PipelineServiceGrpc.PipelineServiceBlockingStub pipeline, PrintWriter out);
  }

  @Command(name = "jobs", mixinStandardHelpOptions = true, description = "List jobs, newest first.")
  static final class Jobs extends Remote {
    @Option(names = "--limit", defaultValue = "50", description = "At most this many.")
    int limit;

    @Override
    int run(PipelineServiceGrpc.PipelineServiceBlockingStub pipeline, PrintWriter out) {
      ListJobsResponse page = pipeline.listJobs(ListJobsRequest.newBuilder().setPageSize(limit)
          .build());
      for (Job job : page.getJobsList()) {
        out.printf(Locale.ROOT, "%-22s %-18s %5.0f%%  %s%n", job.getJobId(),
            job.getState().name().replace("JOB_STATE_", ""), job.getPercent(),
            job.getSpec().getBrief().length() > 60 ? job.getSpec().getBrief().substring(0, 59)
                + "…" : job.getSpec().getBrief());
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "watch", mixinStandardHelpOptions = true,
      description = "Follow a job's events (from the start, or after --after).")
  static final class Watch extends Remote {
    @Parameters(index = "0", paramLabel = "JOB_ID")
    String jobId;

    @Option(names = "--after", defaultValue = "0", description = "Resume after this sequence.")
    long after;

    @Override
    int run(PipelineServiceGrpc.PipelineServiceBlockingStub pipeline, PrintWriter out) {
      Iterator<JobEvent> events = pipeline.watchJob(WatchJobRequest.newBuilder().setJobId(jobId)
          .setAfterSequence(after).build());
      ProgressView.Plain view = new ProgressView.Plain(out);
      boolean failed = false;
      while (events.hasNext()) {
        JobEvent event = events.next();
        view.accept(event);
        failed |= event.hasError();
      }
      return failed ? 1 : 0;
    }
  }

  @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Cancel a job.")
  static final class Cancel extends Remote {
    @Parameters(index = "0", paramLabel = "JOB_ID")
    String jobId;

    @Override
    int run(PipelineServiceGrpc.PipelineServiceBlockingStub pipeline, PrintWriter out) {
      Job job = pipeline.cancelJob(CancelJobRequest.newBuilder().setJobId(jobId).build());
      out.println(job.getJobId() + " " + job.getState().name().replace("JOB_STATE_", ""));
      out.flush();
      return 0;
    }
  }

  @Command(name = "regenerate", mixinStandardHelpOptions = true,
      description = {"Redo clips of a finished job, optionally reworded, then follow it.",
          "Clips are numbered from 1, as in the report and in instructions."})
  static final class Regenerate extends Remote {
    @Parameters(index = "0", paramLabel = "JOB_ID")
    String jobId;

    @Option(names = "--clip", paramLabel = "N", description = "A clip to render again "
        + "(repeatable).")
    java.util.List<Integer> clips = new java.util.ArrayList<>();

    @Option(names = "--frames", paramLabel = "N", description = "A clip whose storyboard frames "
        + "are redone too (repeatable).")
    java.util.List<Integer> frames = new java.util.ArrayList<>();

    @Option(names = "--instruction", paramLabel = "TEXT", defaultValue = "",
        description = "Reword the named clips first (\"make it a close-up\", \"shorter "
            + "narration\").")
    String instruction;

    @Option(names = "--detach", description = "Start it and return without following.")
    boolean detach;

    @Override
    int run(PipelineServiceGrpc.PipelineServiceBlockingStub pipeline, PrintWriter out) {
      if (clips.isEmpty() && frames.isEmpty()) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "name at least one --clip or --frames");
      }
      RegenerateClipsRequest.Builder request = RegenerateClipsRequest.newBuilder()
          .setJobId(jobId).setInstruction(instruction);
      for (int n : clips) {
        request.addClipIndices(index("--clip", n));
      }
      for (int n : frames) {
        request.addFrames(FrameSelector.newBuilder().setClipIndex(index("--frames", n))
            .setFrame(FrameKind.FRAME_KIND_START));
      }
      long after = pipeline.getJob(GetJobRequest.newBuilder().setJobId(jobId).build())
          .getLastSequence();
      Job job = pipeline.regenerateClips(request.build()).getJob();
      out.println(job.getJobId() + " " + job.getState().name().replace("JOB_STATE_", ""));
      out.flush();
      if (detach) {
        return 0;
      }
      Watch watch = new Watch();
      watch.jobId = jobId;
      watch.after = after;
      return watch.run(pipeline, out);
    }

    private int index(String option, int number) {
      if (number < 1) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            option + " counts clips from 1, got " + number);
      }
      return number - 1;
    }
  }
}
