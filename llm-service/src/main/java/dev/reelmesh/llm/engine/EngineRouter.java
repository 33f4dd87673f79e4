package dev.reelmesh.llm.engine;

import dev.reelmesh.common.auth.Principal;
import dev.reelmesh.common.auth.Role;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a call on the configured engine and, when it fails, on the offline engine for that call,
 * reporting the fallback and its reason in the answer.
 */
public final class EngineRouter {
  private final LlmEngine primary;
  private final LlmEngine offline;

  public EngineRouter(LlmEngine primary, LlmEngine offline) {
    this.primary = primary;
    this.offline = offline;
  }

  /** A call on one engine. */
  @FunctionalInterface
  public interface Call<T> {
    Priced<T> on(LlmEngine engine) throws EngineFailure;
  }

  public boolean llmConfigured() {
    return primary != offline;
  }

  public LlmEngine primary() {
    return primary;
  }

  public LlmEngine offline() {
    return offline;
  }

  /**
   * Whether this request's calls go to the LLM: it is configured and the caller did not ask for
   * the offline engine. Asking for openai where none is configured is FAILED_PRECONDITION; a
   * paid call by a caller without the service role is PERMISSION_DENIED.
   */
  public boolean useLlm() {
    CallOptions.Engine choice = CallOptions.current().engine();
    if (choice == CallOptions.Engine.OPENAI && !llmConfigured()) {
      throw Status.FAILED_PRECONDITION.withDescription("options.engine: 'openai' was asked for, "
          + "but this llm service has no OPENAI_API_KEY configured").asRuntimeException();
    }
    boolean paid = llmConfigured() && choice != CallOptions.Engine.OFFLINE;
    // Paid calls are charged to a tenant (credits, the month's limit) only when the pipeline
    // makes them; a submitter calling this service directly would spend the mesh's money
    // uncharged. The mesh's own callers (service, admin; none outside a served call) may.
    Principal caller = Principal.KEY.get();
    if (paid && caller != null && !caller.has(Role.SERVICE)) {
      throw Status.PERMISSION_DENIED.withDescription("options.engine: a paid LLM call is made "
          + "through PipelineService (a job, a chat), which charges it to tenant '"
          + caller.tenant() + "'; called directly, as '" + caller.subject() + "' does, set "
          + "engine 'offline'").asRuntimeException();
    }
    return paid;
  }

  public <T> Outcome<T> run(Call<T> call) {
    if (!useLlm()) {
      return offlineOutcome(call, EngineReport.offline(), List.of());
    }
    try {
      Priced<T> p = call.on(primary);
      return new Outcome<>(p.value(), new EngineReport(primary.name(), primary.model(), false, ""), p.costs());
    } catch (EngineFailure e) {
      return offlineOutcome(call, EngineReport.fallback(primary.name() + " (" + primary.model()
          + ") failed: " + e.getMessage() + "; the offline template engine answered"), e.costs());
    }
  }

  /** The offline answer; offline work never raises EngineFailure on valid input. */
  public <T> Outcome<T> offlineOutcome(Call<T> call, EngineReport report, List<Cost> spent) {
    try {
      Priced<T> p = call.on(offline);
      List<Cost> costs = new ArrayList<>(spent);
      costs.addAll(p.costs());
      return new Outcome<>(p.value(), report, costs);
    } catch (EngineFailure e) {
      throw new IllegalStateException("offline engine failed: " + e.getMessage(), e);
    } catch (StatusRuntimeException e) {
      if (report.fallback()) {
        // The caller must learn that the configured LLM failed before the offline engine refused.
        throw e.getStatus().augmentDescription("(fallback: " + report.fallbackReason() + ")").asRuntimeException();
      }
      throw e;
    }
  }
}
