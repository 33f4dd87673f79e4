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
 *
 * <p>Uploads are marked by where they land: {@code uploads/<tenant>/…} is that tenant's, read
 * by the same rule, so an uploaded reference cannot be used or fetched by another tenant who
 * learns its name. An upload directly under {@code uploads/} (made before uploads were marked)
 * is the mesh's alone, like an unmarked job folder. Only Upload writes there.
 *
 * <p>What a tenant's user writes by calling MediaService directly lands in that tenant's space,
 * {@code tenants/<tenant>/…}: the names the media service picks when a request gives none go
 * there, an explicit output path or folder must lie there, and files made beside an output (its
 * captions, thumbnail) follow it. The space is read by the upload rule, so nothing a tenant
 * renders can be read or overwritten by another. It is named by its owner, not by the kind of
 * file, so every kind of direct output (clips, frames, sheets, previews) falls under the one
 * rule, and it sits beside {@code uploads/<tenant>/} with the same shape. Services and admins
 * write and read anywhere, as before.
 */
public final class ArtifactOwners {
  /** The mark in a job's folder: the tenant's name. */
  public static final String MARK = ".tenant";
  private static final String JOBS = "jobs";
  private static final String UPLOADS = "uploads";
  private static final String TENANTS = "tenants";

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
   * Where an Upload by the current caller lands: {@code uploads/<tenant>} under {@code root},
   * or {@code uploads} for work outside a served call (the mesh's own).
   */
  public static Path uploadFolder(Path root) {
    Principal caller = Principal.KEY.get();
    Path uploads = root.resolve(UPLOADS);
    return caller == null ? uploads : uploads.resolve(caller.tenant());
  }

  /**
   * Where an output the current caller names none for goes: {@code defaultDir} inside the
   * caller's space ({@code tenants/<tenant>/<defaultDir>}) for a tenant's user, else
   * {@code defaultDir} under {@code root} (the mesh's own work, a service, an admin).
   */
  public static Path outputFolder(Path root, String defaultDir) {
    Principal caller = restricted();
    return caller == null ? root.resolve(defaultDir)
        : root.resolve(TENANTS).resolve(caller.tenant()).resolve(defaultDir);
  }

  /** The caller when the rules bind it (a tenant's user), null for the mesh, services, admins. */
  private static Principal restricted() {
    Principal caller = Principal.KEY.get();
    return caller == null || caller.has(Role.SERVICE) ? null : caller;
  }

  /**
   * Refuses, as NOT_FOUND in the words of a missing artifact, a read of {@code file} (inside
   * {@code root}) by a caller who may not see it.
   */
  public static void checkRead(Path root, Path file, String field, String uri) {
    Principal caller = restricted();
    if (caller == null) {
      return;
    }
    Path job = jobFolder(root, file);
    boolean may = job != null ? caller.tenant().equals(owner(job))
        : placeAllows(caller.tenant(), root.relativize(file));
    if (!may) {
      throw Status.NOT_FOUND.withDescription(field + ": no artifact at '" + uri + "'")
          .asRuntimeException();
    }
  }

  /**
   * The read rule of the places named by their tenant, for a reader that holds names, not files
   * (the studio downloads as the mesh and keeps the rule itself): whether {@code tenant}'s user
   * may read {@code relative} (a plain path relative to the artifact root) as far as its place
   * decides. {@code uploads/<tenant>/…} and {@code tenants/<tenant>/…} are that tenant's, a file
   * directly in uploads/ or tenants/ nobody's but the mesh's, anything else open. A job's folder
   * answers true here: its mark decides ({@link #checkRead}; the studio asks GetJob).
   */
  public static boolean placeAllows(String tenant, String relative) {
    return placeAllows(tenant, Path.of(relative));
  }

  private static boolean placeAllows(String tenant, Path relative) {
    for (String area : new String[] {UPLOADS, TENANTS}) {
      if (inArea(relative, area)) {
        return inFolderOf(relative, area, tenant);
      }
    }
    return true;
  }

  /**
   * Only the mesh writes into a job's folder, only Upload into {@code uploads/}, and a tenant's
   * user only into its own space ({@code tenants/<tenant>/…}): any other write by such a caller
   * is refused, whoever owns the place.
   */
  public static void checkWrite(Path root, Path file, String field, String uri) {
    Principal caller = restricted();
    if (caller == null) {
      return;
    }
    Path relative = root.relativize(file);
    if (jobFolder(root, file) != null) {
      throw Status.PERMISSION_DENIED.withDescription(field + ": '" + uri + "' is inside a job's "
          + "folder (jobs/…), which only the mesh writes; choose another output path").
          asRuntimeException();
    }
    if (inArea(relative, UPLOADS)) {
      throw Status.PERMISSION_DENIED.withDescription(field + ": '" + uri + "' is inside "
          + "uploads/, which only MediaService.Upload writes; choose another output path")
          .asRuntimeException();
    }
    if (!inFolderOf(relative, TENANTS, caller.tenant())) {
      throw Status.PERMISSION_DENIED.withDescription(field + ": '" + uri + "' is outside "
          + TENANTS + "/" + caller.tenant() + "/, this tenant's own space, where its direct "
          + "outputs go; choose a path there or leave the field empty for a fresh name there")
          .asRuntimeException();
    }
  }

  /** Whether {@code relative} lies inside {@code area/} (a file or folder, not the area). */
  private static boolean inArea(Path relative, String area) {
    return relative.getNameCount() >= 2 && relative.getName(0).toString().equals(area);
  }

  /** Whether {@code relative} lies inside {@code area/tenant/} (a file, not the folder). */
  private static boolean inFolderOf(Path relative, String area, String tenant) {
    return relative.getNameCount() >= 3 && inArea(relative, area)
        && relative.getName(1).toString().equals(tenant);
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
