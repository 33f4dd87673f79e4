package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.v1.ApprovePlanRequest;
import dev.reelmesh.v1.GetJobRequest;
import dev.reelmesh.v1.PipelineServiceGrpc;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reelmesh approve JOB}: lets a job waiting at its plan (generate --review) go on. */
@Command(name = "approve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Approve the plan of a job that waits for it (generate --review), "
        + "optionally changed first, then follow the job and write it to --out.",
        "Clip numbers in an instruction count from 1, as the plan prints them."},
    footer = ExitCodes.HELP)
final class ApproveCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "JOB_ID")
  String jobId;

  @Option(names = "--instruction", paramLabel = "TEXT", defaultValue = "",
      description = "Change the plan before going on (\"make clip 2 a close-up\").")
  String instruction;

  @Mixin FollowOptions follow;

  @Mixin MeshAccess access;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Checks checks = new Checks(spec);
    follow.check(checks);
    access.check(checks);
    if (instruction.length() > 2000) {
      throw checks.refuse("--instruction must be at most 2000 characters, got "
          + instruction.length());
    }
    try (Connection connection = access.open()) {
      PipelineServiceGrpc.PipelineServiceBlockingStub pipeline =
          PipelineServiceGrpc.newBlockingStub(connection.pipeline());
      long after = pipeline.getJob(GetJobRequest.newBuilder().setJobId(jobId).build())
          .getLastSequence();
      pipeline.approvePlan(ApprovePlanRequest.newBuilder().setJobId(jobId)
          .setRefineInstruction(instruction).build());
      spec.commandLine().getErr().println("job " + jobId + " approved"
          + (instruction.isBlank() ? "" : " with the change \"" + instruction.strip() + "\""));
      JobFollower.Outcome outcome = JobFollower.follow(pipeline, jobId, after,
          follow.view(spec.commandLine().getErr()));
      return Finish.report(spec, connection.media(), access.flags(), jobId, outcome,
          follow.out);
    }
  }
}
