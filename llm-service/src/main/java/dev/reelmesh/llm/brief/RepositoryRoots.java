package dev.reelmesh.llm.brief;

import static dev.reelmesh.common.error.Statuses.invalid;

import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The directories DraftRepositoryBrief may read (REELMESH_REPO_ROOTS). None configured means
 * none may be read: a service that reads whatever path a caller names is a file-disclosure hole.
 * A path is checked twice: as written (normalised, so {@code ..} cannot climb out) and as the
 * file system resolves it (so a symbolic link inside a root cannot point outside it).
 */
public final class RepositoryRoots {
  public static final String VARIABLE = "REELMESH_REPO_ROOTS";
  private final List<Path> roots;

  public RepositoryRoots(List<Path> configured) {
    this.roots = configured.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }

  public boolean configured() {
    return !roots.isEmpty();
  }

  /** The real path of a readable repository directory below a root, or a precise refusal. */
  public Path resolve(String raw) {
    if (raw.isBlank()) {
      throw invalid("repository_path", "required: a directory of a code repository below " + VARIABLE);
    }
    if (!configured()) {
      throw Status.FAILED_PRECONDITION.withDescription("repository_path: refused, no repository roots are"
          + " configured; set " + VARIABLE + " to the directories DraftRepositoryBrief may read").asRuntimeException();
    }
    Path path;
    try {
      path = Path.of(raw).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw invalid("repository_path", "not a valid path: " + e.getMessage());
    }
    if (roots.stream().noneMatch(path::startsWith)) {
      throw outside(path, "");
    }
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      throw Status.NOT_FOUND.withDescription("repository_path: " + path + " does not exist").asRuntimeException();
    }
    Path real;
    try {
      real = path.toRealPath();
    } catch (IOException e) {
      throw Status.NOT_FOUND.withDescription("repository_path: " + path + " cannot be resolved ("
          + e.getClass().getSimpleName() + ")").asRuntimeException();
    }
    if (realRoots().stream().noneMatch(real::startsWith)) {
      throw outside(path, " (a symbolic link leads to " + real + ")");
    }
    if (!Files.isDirectory(real)) {
      throw invalid("repository_path", path + " is a file, not a directory");
    }
    return real;
  }

  /** Roots as the file system resolves them; a root that does not exist admits nothing. */
  private List<Path> realRoots() {
    List<Path> out = new ArrayList<>();
    for (Path root : roots) {
      try {
        out.add(root.toRealPath());
      } catch (IOException e) {
        // a configured root that is missing cannot contain the repository
      }
    }
    return out;
  }

  private RuntimeException outside(Path path, String why) {
    return Status.PERMISSION_DENIED.withDescription("repository_path: " + path + " is outside the repository"
        + " roots " + roots + " (" + VARIABLE + ")" + why).asRuntimeException();
  }
}
