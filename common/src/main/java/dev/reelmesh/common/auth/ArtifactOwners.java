package dev.reelmesh.common.auth;

import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Whose a job's artifacts are, for services that know nothing of jobs. The orchestrator marks a
 * job's folder ({@code jobs/<id>/} under the artifact root) with its tenant when it accepts the
 * job; a caller that is neither a service nor an admin reads inside a job's folder only when the
 * mark names its own tenant. Anything else is answered as a missing artifact (NOT_FOUND, the
 * same words), so another tenant's files cannot be probed. A folder without a mark (jobs stored
 * before tenants) is the mesh's alone. Work a service does outside a served call (the
 * orchestrator's job runs) has no caller and is the mesh's own.
 */
public final class ArtifactOwners {
  /** The mark in a job's folder: the tenant's name. */
  public static final String MARK = ".tenant";
  private static final String JOBS = "jobs";

  private ArtifactOwners() {}

  /** Marks {@code jobs/<jobId>/} under {@code root} as {@code tenant}'s. */
  public static void claim(Path root, String jobId, String tenant) {
    Path folder = root.resolve(JOBS).resolve(jobId);
    try {
      Files.createDirectories(folder);
      Files.writeString(folder.resolve(MARK), tenant, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot mark " + folder + " as tenant " + tenant + "'s", e);
    }
  }

  /**
   * Refuses, as NOT_FOUND in the words of a missing artifact, a read of {@code file} (inside
   * {@code root}) by a caller who may not see it.
   */
  public static void checkRead(Path root, Path file, String field, String uri) {
    Principal caller = Principal.KEY.get();
    Path job = jobFolder(root, file);
    if (caller == null || job == null || caller.has(Role.SERVICE)) {
      return;
    }
    if (!caller.tenant().equals(owner(job))) {
      throw Status.NOT_FOUND.withDescription(field + ": no artifact at '" + uri + "'")
          .asRuntimeException();
    }
  }

  /** Only the mesh writes into a job's folder: any other caller is refused, whoever owns it. */
  public static void checkWrite(Path root, Path file, String field, String uri) {
    Principal caller = Principal.KEY.get();
    if (caller != null && !caller.has(Role.SERVICE) && jobFolder(root, file) != null) {
      throw Status.PERMISSION_DENIED.withDescription(field + ": '" + uri + "' is inside a job's "
          + "folder (jobs/…), which only the mesh writes; choose another output path").
          asRuntimeException();
    }
  }

  /** {@code root/jobs/<id>} when {@code file} is inside one, else null. */
  private static Path jobFolder(Path root, Path file) {
    Path relative = root.relativize(file);
    if (relative.getNameCount() < 2 || !relative.getName(0).toString().equals(JOBS)) {
      return null;
    }
    return root.resolve(relative.subpath(0, 2));
  }

  private static String owner(Path job) {
    try {
      return Files.readString(job.resolve(MARK), StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the owner of " + job, e);
    }
  }
}
