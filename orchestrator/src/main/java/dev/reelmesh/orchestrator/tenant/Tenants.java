package dev.reelmesh.orchestrator.tenant;

import dev.reelmesh.common.auth.Principal;
import dev.reelmesh.common.auth.Role;
import dev.reelmesh.v1.Job;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Whose a job is, and who may see it: its tenant, and admins. Another tenant's job is answered
 * exactly as a job that does not exist (NOT_FOUND, the same words), never PERMISSION_DENIED,
 * which would tell the caller that the id is taken.
 */
public final class Tenants {
  /** The tenant of a mesh without authentication, and of jobs stored before tenants. */
  public static final String DEFAULT = Principal.LOCAL.tenant();

  private Tenants() {}

  /** The job's tenant; jobs stored before tenants are the default tenant's. */
  public static String of(Job job) {
    return job.getTenant().isEmpty() ? DEFAULT : job.getTenant();
  }

  /** Admins see every tenant's jobs; anyone else only their own tenant's. */
  public static boolean sees(Principal caller, Job job) {
    return caller.has(Role.ADMIN) || caller.tenant().equals(of(job));
  }

  /** The words for a job that is not there (or not the caller's): one message for both. */
  public static StatusRuntimeException noJob(String jobId) {
    return Status.NOT_FOUND.withDescription("no job '" + jobId + "'").asRuntimeException();
  }

  /** {@code job} when the caller may see it, else the NOT_FOUND of a missing job. */
  public static Job visible(Principal caller, Job job) {
    if (!sees(caller, job)) {
      throw noJob(job.getJobId());
    }
    return job;
  }
}
