package dev.reelmesh.orchestrator.crash;

import dev.reelmesh.orchestrator.testing.TestRegistries;
import dev.reelmesh.orchestrator.stage.ProviderFactory;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.ListJobsRequest;
import dev.reelmesh.v1.SubmitJobRequest;
import java.nio.file.Path;
import java.util.List;

/**
 * The process the crash harness kills: a whole mesh (in-process services, the job engine on the
 * shared test database) whose OpenAI providers and LLM chat call the harness's fake. It submits the job when
 * the database has none, otherwise resumes it (the engine does on start), and exits once the
 * job has ended. Arguments: data directory, database URL, fake base URL[, lease owner, lease
 * milliseconds].
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) throws Exception {
    ProviderFactory providers = TestRegistries.openAi("sk-test-crash", args[2]);
    // The LLM service's chat goes to the fake too: all four paid kinds are in the job.
    try (TestMesh mesh = TestMesh.start(Path.of(args[0]), null, providers, args[1],
        TestMesh.chatAt(args[2]))) {
      if (args.length > 4) { // one of several orchestrators: its own name and lease period
        mesh.restartWithLease(args[3], java.time.Duration.ofMillis(Long.parseLong(args[4])));
      }
      List<Job> jobs = mesh.pipeline().listJobs(ListJobsRequest.getDefaultInstance())
          .getJobsList();
      String id = jobs.isEmpty() ? mesh.pipeline().submitJob(SubmitJobRequest.newBuilder()
          .setSpec(spec()).build()).getJobId() : jobs.get(0).getJobId();
      mesh.watchToEnd(id, 0);
      System.out.println("FINISHED " + mesh.job(id).getState());
    }
    System.exit(0);
  }

  static dev.reelmesh.v1.JobSpec.Builder spec() {
    dev.reelmesh.v1.JobSpec.Builder spec = TestMesh.quickSpec("a ceramic kettle pouring at dawn",
        8).setMaxParallelClips(1).setEnhancementRounds(1);
    spec.getProvidersBuilder().setImage("openai").setVideo("openai").setSpeech("openai");
    return spec;
  }
}
