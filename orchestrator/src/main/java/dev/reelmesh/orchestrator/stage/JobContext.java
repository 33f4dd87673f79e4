package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.common.artifact.ArtifactStore;
import dev.reelmesh.orchestrator.job.Generations;
import dev.reelmesh.orchestrator.job.JobRuntime;
import dev.reelmesh.orchestrator.job.JobSpecView;
import dev.reelmesh.orchestrator.store.StepMemo;
import dev.reelmesh.orchestrator.channel.MeshChannels;
import dev.reelmesh.v1.ArtifactRef;
import dev.reelmesh.v1.ClipPrompts;
import dev.reelmesh.v1.ClipReady;
import dev.reelmesh.v1.EngineInfo;
import dev.reelmesh.v1.Fallback;
import dev.reelmesh.v1.FrameResult;
import dev.reelmesh.v1.ScenePlan;
import dev.reelmesh.v1.Stage;
import dev.reelmesh.v1.Warning;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import dev.reelmesh.common.fetch.UrlFetcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * What the stages of one run share: the job, the services' channels, the providers, the
 * artifact root, and what earlier stages produced.
 */
public final class JobContext {
  final JobRuntime job;
  final JobSpecView spec;
  final MeshChannels channels;
  final Providers providers;
  final ArtifactStore artifacts;
  final Executor clipExecutor;
  /** The job's budget: what paid calls may still spend. */
  final JobSpend spend;
  /** Regeneration counters; part of the step keys and seeds. */
  final Generations generations;
  /** Fetches reference images given by URL, within the engine's policy. */
  final UrlFetcher fetcher;

  ScenePlan plan;
  Path reference;
  ArtifactRef referenceRef;
  final List<FrameResult> frames = new ArrayList<>();
  ClipPrompts prompts;
  EngineInfo promptsEngine;
  /**
   * Each clip: a provider's file with its rendered length (a provider may render longer than the
   * slot), or a still with its move and slot length, rendered by the final Stitch.
   */
  final List<ClipReady> clips = new ArrayList<>();
  final Map<String, EngineInfo> engines = new LinkedHashMap<>();
  /** The narration the audio stage spoke, for assembly. */
  List<dev.reelmesh.v1.NarrationSegment> narration = List.of();
  /** The assembled video, for delivery. */
  AssembleStage.Assembled assembled;
  /** The job's last event before this run started: the run's timings count what follows. */
  long runStart;

  JobContext(JobRuntime job, MeshChannels channels, Providers providers, ArtifactStore artifacts,
      Executor clipExecutor, Generations generations, JobSpend spend, UrlFetcher fetcher) {
    this.spend = spend;
    this.fetcher = fetcher;
    this.job = job;
    this.spec = job.spec();
    this.channels = channels;
    this.providers = providers;
    this.artifacts = artifacts;
    this.clipExecutor = clipExecutor;
    this.generations = generations;
  }

  StepMemo memo() {
    return job.memo();
  }

  /** Relative artifact path under this job's folder. */
  String path(String relative) {
    return "jobs/" + job.id() + "/" + relative;
  }

  Path file(String relative) {
    return artifacts.resolve("job", path(relative));
  }

  void fallback(Stage stage, double percent, String component, String wanted, String used,
      String reason, int clip) {
    job.fallback(stage, percent, component, wanted, used, reason, clip);
  }

  void warn(Stage stage, double percent, String code, String message) {
    job.warn(stage, percent, code, message);
  }

  /** The LLM the job asked for, in words. */
  String llmChoice() {
    String llm = spec.spec().getProviders().getLlm();
    return llm.isEmpty() ? "the llm service's configured engine" : llm;
  }

  /** Stops the run between steps once the user cancelled. */
  void checkCancelled() {
    if (job.cancelRequested()) {
      throw Status.CANCELLED.withDescription("cancelled by the user").asRuntimeException();
    }
  }
}
