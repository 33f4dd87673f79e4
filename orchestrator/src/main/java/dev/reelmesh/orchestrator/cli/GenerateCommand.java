package dev.reelmesh.orchestrator.cli;

import com.google.protobuf.ByteString;
import dev.reelmesh.v1.AspectRatio;
import dev.reelmesh.v1.ImageSource;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobResult;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.PipelineServiceGrpc;
import dev.reelmesh.v1.QualityTier;
import dev.reelmesh.v1.ReferenceRole;
import dev.reelmesh.v1.SubmitJobRequest;
import dev.reelmesh.v1.SubmitJobResponse;
import dev.reelmesh.v1.UserReference;
import dev.reelmesh.v1.WatchJobRequest;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code reelmesh generate "brief"}: a whole job, with progress, into an output folder. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Turn a brief into a video: final.mp4, storyboard.png, frames/, prompts.json, "
        + "scores.json and report.md in --out.")
final class GenerateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "BRIEF", description = "What the video is about.")
  String brief;

  @Option(names = "--duration", defaultValue = "30", description = "Seconds (default ${DEFAULT-VALUE}).")
  double duration;

  @Option(names = "--aspect", defaultValue = "16:9", description = "16:9, 9:16 or 1:1.")
  String aspect;

  @Option(names = "--variations", defaultValue = "4",
      description = "Storyboard variations per frame, 1-16 (default ${DEFAULT-VALUE}).")
  int variations;

  @Option(names = "--reference", paramLabel = "IMAGE",
      description = "A reference image (product photo, character sheet); repeatable.")
  List<Path> references = new ArrayList<>();

  @Option(names = "--product", description = "What the product is; it is shown in use.")
  String product = "";

  @Option(names = "--style", description = "Style preset (cinematic, minimal, playful, ...).")
  String style = "";

  @Option(names = "--enhance", defaultValue = "0",
      description = "Writer/critic rounds per frame prompt, 0-8 (default 0 = off).")
  int enhance;

  @Option(names = "--tier", defaultValue = "standard", description = "draft, standard or high.")
  String tier;

  @Option(names = "--no-narration", description = "No voice-over.")
  boolean noNarration;

  @Option(names = "--music", paramLabel = "FILE|off",
      description = "A music file, or 'off' (default: a generated ambient bed).")
  String music;

  @Option(names = "--burn-captions", description = "Draw the captions onto the video.")
  boolean burnCaptions;

  @Option(names = "--seed", defaultValue = "0", description = "Seed for the offline engines.")
  long seed;

  @Option(names = "--budget", paramLabel = "USD", description = "Spend cap for this job.")
  Double budgetUsd;

  @Option(names = "--idempotency-key", description = "Resubmitting with the same key returns the same job.")
  String idempotencyKey = "";

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "reelmesh-out",
      description = "Output folder (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--server", paramLabel = "HOST:PORT",
      description = "Use a running mesh (reelmesh up) instead of starting one in this process.")
  String server;

  @Option(names = "--media", paramLabel = "HOST:PORT",
      description = "Media service of that mesh, for downloads (default: --server port + 3).")
  String mediaServer;

  @Option(names = "--plain", description = "Plain progress lines instead of progress bars.")
  boolean plain;

  @Mixin MeshOptions mesh;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    JobSpec jobSpec = buildSpec();
    PrintWriter err = spec.commandLine().getErr();
    try (Connection connection = server == null ? Connection.inProcess(mesh.settings(),
        mesh.databaseUrl())
        : Connection.remote(server, mediaServer)) {
      if (music != null && !music.equalsIgnoreCase("off")) {
        jobSpec = jobSpec.toBuilder().setMusic(dev.reelmesh.v1.MusicChoice.newBuilder()
            .setFile(Uploader.upload(connection.media(), Path.of(music)))).build();
      }
      PipelineServiceGrpc.PipelineServiceBlockingStub pipeline =
          PipelineServiceGrpc.newBlockingStub(connection.pipeline());
      SubmitJobResponse submitted = pipeline.submitJob(SubmitJobRequest.newBuilder()
          .setSpec(jobSpec).setIdempotencyKey(idempotencyKey).build());
      err.println("job " + submitted.getJobId() + (submitted.getDeduplicated()
          ? " (already submitted with this idempotency key)" : " submitted"));
      err.flush();
      JobResult result = null;
      JobEvent failure = null;
      try (ProgressView view = ProgressView.create(err, plain || System.console() == null)) {
        Iterator<JobEvent> events = pipeline.watchJob(WatchJobRequest.newBuilder()
            .setJobId(submitted.getJobId()).build());
        while (events.hasNext()) {
          JobEvent event = events.next();
          view.accept(event);
          if (event.hasResult()) {
            result = event.getResult();
          } else if (event.hasError()) {
            failure = event;
          }
        }
      }
      if (result == null) {
        err.println("reelmesh: job " + submitted.getJobId() + " did not finish: "
            + (failure != null ? failure.getError().getMessage() : "ended without a result"));
        return 1;
      }
      Path written = new OutputWriter(connection.media(), out).write(submitted.getJobId(), result);
      spec.commandLine().getOut().printf("%s (%.1f s) written to %s%n",
          written.resolve("final.mp4"), result.getDurationSeconds(), written);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  JobSpec buildSpec() throws Exception {
    JobSpec.Builder builder = JobSpec.newBuilder()
        .setBrief(brief)
        .setDurationSeconds(duration)
        .setAspectRatio(aspect(aspect))
        .setVariations(variations)
        .setEnhancementRounds(enhance)
        .setQualityTier(tier(tier))
        .setStylePreset(style)
        .setProductDescription(product)
        .setNarrationOff(noNarration)
        .setBurnCaptions(burnCaptions)
        .setSeed(seed);
    if (budgetUsd != null) {
      builder.setBudgetCapMicros(Math.round(budgetUsd * 1_000_000));
    }
    for (Path reference : references) {
      if (!Files.isRegularFile(reference)) {
        throw new IllegalArgumentException("--reference " + reference + ": no such file");
      }
      builder.addReferences(UserReference.newBuilder().setRole(ReferenceRole.REFERENCE_ROLE_PRODUCT)
          .setLabel(reference.getFileName().toString())
          .setImage(ImageSource.newBuilder().setData(ByteString.copyFrom(
              Files.readAllBytes(reference)))));
    }
    if (music != null) {
      if (music.equalsIgnoreCase("off")) {
        builder.getMusicBuilder().setOff(true);
      } else if (!Files.isRegularFile(Path.of(music))) {
        throw new IllegalArgumentException("--music " + music + ": no such file");
      }
    }
    return builder.build();
  }

  static AspectRatio aspect(String value) {
    return switch (value.strip()) {
      case "16:9" -> AspectRatio.ASPECT_RATIO_16_9;
      case "9:16" -> AspectRatio.ASPECT_RATIO_9_16;
      case "1:1" -> AspectRatio.ASPECT_RATIO_1_1;
      default -> throw new IllegalArgumentException("--aspect must be 16:9, 9:16 or 1:1, got '"
          + value + "'");
    };
  }

  static QualityTier tier(String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "draft" -> QualityTier.QUALITY_TIER_DRAFT;
      case "standard" -> QualityTier.QUALITY_TIER_STANDARD;
      case "high" -> QualityTier.QUALITY_TIER_HIGH;
      default -> throw new IllegalArgumentException("--tier must be draft, standard or high, got '"
          + value + "'");
    };
  }
}
