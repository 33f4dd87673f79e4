package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.MusicChoice;
import dev.reelmesh.v1.PipelineServiceGrpc;
import dev.reelmesh.v1.SubmitJobRequest;
import dev.reelmesh.v1.SubmitJobResponse;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reelmesh generate "brief"}: a whole job, with progress, into an output folder. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Turn a brief into a video: final.mp4, storyboard.png, frames/, prompts.json, "
        + "scores.json and report.md in --out.",
    footer = ExitCodes.HELP)
final class GenerateCommand implements Callable<Integer> {
  @Mixin SpecOptions options;

  @Option(names = "--review", description = "Stop at the plan and print it; go on with "
      + "`reelmesh approve JOB` (optionally --instruction \"make clip 2 a close-up\").")
  boolean review;

  @Option(names = "--idempotency-key",
      description = "Resubmitting with the same key returns the same job.")
  String idempotencyKey = "";

  @Mixin FollowOptions follow;

  @Mixin MeshAccess access;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Checks checks = new Checks(spec);
    follow.check(checks);
    access.check(checks);
    JobSpec jobSpec = options.build(checks).toBuilder().setRequirePlanApproval(review).build();
    PrintWriter err = spec.commandLine().getErr();
    try (Connection connection = access.open()) {
      if (options.musicFile() != null) {
        jobSpec = jobSpec.toBuilder().setMusic(MusicChoice.newBuilder()
            .setFile(Uploader.upload(connection.media(), options.musicFile()))).build();
      }
      PipelineServiceGrpc.PipelineServiceBlockingStub pipeline =
          PipelineServiceGrpc.newBlockingStub(connection.pipeline());
      SubmitJobResponse submitted = pipeline.submitJob(SubmitJobRequest.newBuilder()
          .setSpec(jobSpec).setIdempotencyKey(idempotencyKey).build());
      err.println("job " + submitted.getJobId() + (submitted.getDeduplicated()
          ? " (already submitted with this idempotency key)" : " submitted"));
      err.flush();
      JobFollower.Outcome outcome = JobFollower.follow(pipeline, submitted.getJobId(), 0,
          follow.view(err));
      return Finish.report(spec, connection.media(), access.flags(), submitted.getJobId(),
          outcome, follow.out);
    }
  }
}
