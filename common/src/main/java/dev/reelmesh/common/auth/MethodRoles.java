package dev.reelmesh.common.auth;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which roles may call which method: one table for the whole mesh. {@link Role#ADMIN} may call
 * everything. The llm, scoring and media services serve {@code submit} and {@code service}
 * callers; the pipeline serves {@code submit}. Fail closed: a pipeline RPC not listed here, and
 * any method of a service not listed, needs ADMIN until someone decides who may call it. Health
 * checks need no token, so load balancers can probe; reflection needs any valid token.
 */
public final class MethodRoles {
  /** Who may call a method: nobody needs a token, any valid token, or one of these roles. */
  public sealed interface Rule {}

  public record Open() implements Rule {}

  public record Authenticated() implements Rule {}

  public record AnyOf(Set<Role> roles) implements Rule {}

  private static final Rule CALLERS = new AnyOf(EnumSet.of(Role.SUBMIT, Role.SERVICE));
  private static final Rule USERS = new AnyOf(EnumSet.of(Role.SUBMIT));
  private static final Rule ADMINS = new AnyOf(EnumSet.of(Role.ADMIN));

  private static final Map<String, Rule> SERVICES = Map.of(
      "reelmesh.v1.LlmService", CALLERS,
      "reelmesh.v1.MediaService", CALLERS,
      "reelmesh.v1.ScoringService", CALLERS,
      "reelmesh.v1.PipelineService", USERS);

  // GetBudget is a submitter's call: it answers the caller's own tenant's budget (an admin's:
  // the mesh's). Credits are granted and read by admins.
  private static final Map<String, Rule> METHODS = Map.of(
      "reelmesh.v1.ScoringService/LoadModel", ADMINS,
      "reelmesh.v1.ScoringService/UnloadModel", ADMINS,
      "reelmesh.v1.PipelineService/GrantCredits", ADMINS,
      "reelmesh.v1.PipelineService/GetCredits", ADMINS,
      "reelmesh.v1.PipelineService/CollectGarbage", ADMINS);

  private static final Set<String> KNOWN_PIPELINE = Set.of("SubmitJob", "WatchJob", "GetJob",
      "ListJobs", "CancelJob", "ApprovePlan", "RegenerateClips", "EstimateCost", "GetBudget",
      "GrantCredits", "GetCredits",
      // A job's owner may delete it (a tenant sees only its own jobs); collecting garbage
      // across jobs is for admins.
      "DeleteJob", "Chat");

  private MethodRoles() {}

  /** The rule for {@code fullMethodName} ("reelmesh.v1.ScoringService/LoadModel"). */
  public static Rule forMethod(String fullMethodName) {
    Rule exact = METHODS.get(fullMethodName);
    if (exact != null) {
      return exact;
    }
    int slash = fullMethodName.indexOf('/');
    String service = slash < 0 ? fullMethodName : fullMethodName.substring(0, slash);
    if (service.equals("grpc.health.v1.Health")) {
      return new Open();
    }
    if (service.startsWith("grpc.reflection.")) {
      return new Authenticated();
    }
    if (service.equals("reelmesh.v1.PipelineService")
        && !KNOWN_PIPELINE.contains(fullMethodName.substring(slash + 1))) {
      return ADMINS; // an RPC added after this table: admins until it is listed
    }
    return SERVICES.getOrDefault(service, ADMINS);
  }
}
