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
import dev.reelmesh.v1.FrameResult;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.ScenePlan;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.ArrayList;
import dev.reelmesh.common.fetch.UrlFetcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

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
  /** The stage running now and how far through its band: where its events are placed. */
  private final Progress position = new Progress();

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

  /** The run starts {@code stage}: its events are placed in that stage's band. */
  void enter(Stage stage) {
    position.enter(stage);
  }

  /**
   * A progress event {@code fraction} (0–1) of the way through the running stage's band (0 its
   * start, 1 its end); the band, not the stage, knows the overall percent.
   */
  void progress(double fraction, String message) {
    progress(fraction, message, null);
  }

  void progress(double fraction, String message, Consumer<JobEvent.Builder> payload) {
    emit(position.reach(fraction), message, payload);
  }

  /** Moves the running stage to {@code fraction} of its band without an event of its own. */
  void reach(double fraction) {
    position.reach(fraction);
  }

  /** An event where the running stage has come to. */
  void event(String message) {
    event(message, null);
  }

  void event(String message, Consumer<JobEvent.Builder> payload) {
    emit(position.here(), message, payload);
  }

  /** A fallback event where the running stage has come to. */
  void fallback(String component, String wanted, String used, String reason, int clip) {
    Progress.Point at = position.here();
    job.fallback(at.stage(), at.percent(), component, wanted, used, reason, clip);
  }

  /** A warning event where the running stage has come to. */
  void warn(String code, String message) {
    Progress.Point at = position.here();
    job.warn(at.stage(), at.percent(), code, message);
  }

  private void emit(Progress.Point at, String message, Consumer<JobEvent.Builder> payload) {
    job.event(at.stage(), at.percent(), message, payload);
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
