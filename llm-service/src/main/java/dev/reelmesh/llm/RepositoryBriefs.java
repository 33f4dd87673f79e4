package dev.reelmesh.llm;

import static dev.reelmesh.common.error.Statuses.invalid;

import dev.reelmesh.llm.brief.BriefDrafter;
import dev.reelmesh.llm.brief.BudgetLevel;
import dev.reelmesh.llm.brief.RepositoryBrief;
import dev.reelmesh.llm.brief.RepositoryScan;
import dev.reelmesh.llm.engine.EngineReport;
import dev.reelmesh.v1.DraftRepositoryBriefRequest;
import dev.reelmesh.v1.DraftRepositoryBriefResponse;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * DraftRepositoryBrief at the edge. Offline only: the scan and the draft are deterministic. When
 * repository roots are configured, a path outside them is refused.
 */
final class RepositoryBriefs {
  private final List<Path> allowedRoots;

  RepositoryBriefs(List<Path> allowedRoots) {
    this.allowedRoots = allowedRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
  }

  DraftRepositoryBriefResponse draft(DraftRepositoryBriefRequest r) {
    long t0 = System.nanoTime();
    Path repo = repository(r.getRepositoryPath());
    double seconds = r.getDurationSeconds() == 0 ? 30 : r.getDurationSeconds();
    if (!Double.isFinite(seconds) || seconds <= 0 || seconds > 600) {
      throw invalid("duration_seconds", "must be in (0, 600] seconds (0 = 30), got " + r.getDurationSeconds());
    }
    if (r.getAudience().length() > 200) {
      throw invalid("audience", "must be at most 200 characters, got " + r.getAudience().length());
    }
    if (r.getStoryTemplate().length() > 200) {
      throw invalid("story_template", "must be at most 200 characters, got " + r.getStoryTemplate().length());
    }
    BudgetLevel budget = switch (r.getBudget()) {
      case TOKEN_BUDGET_LEVEL_ULTRA_LOW -> BudgetLevel.ULTRA_LOW;
      case TOKEN_BUDGET_LEVEL_LOW -> BudgetLevel.LOW;
      case TOKEN_BUDGET_LEVEL_UNSPECIFIED, TOKEN_BUDGET_LEVEL_MEDIUM -> BudgetLevel.MEDIUM;
      case TOKEN_BUDGET_LEVEL_HIGH -> BudgetLevel.HIGH;
      case TOKEN_BUDGET_LEVEL_STANDARD -> BudgetLevel.STANDARD;
      case UNRECOGNIZED -> throw invalid("budget", "unknown token budget level");
    };
    RepositoryBrief b = BriefDrafter.draft(repo, RepositoryScan.scan(repo), r.getAudience(), seconds,
        budget, r.getStoryTemplate());
    return DraftRepositoryBriefResponse.newBuilder().setBrief(b.brief()).setTitle(b.title())
        .addAllConcepts(b.concepts()).addAllStoryBeats(b.storyBeats()).setFilesScanned(b.filesScanned())
        .setEngine(EngineProtos.info(EngineReport.offline(), t0)).build();
  }

  private Path repository(String raw) {
    if (raw.isBlank()) {
      throw invalid("repository_path", "required: a directory of a code repository on the service's machine");
    }
    Path path;
    try {
      path = Path.of(raw).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw invalid("repository_path", "not a valid path: " + e.getMessage());
    }
    if (!allowedRoots.isEmpty() && allowedRoots.stream().noneMatch(path::startsWith)) {
      throw Status.PERMISSION_DENIED.withDescription("repository_path: " + path
          + " is outside the allowed repository roots (REELMESH_REPO_ROOTS)").asRuntimeException();
    }
    if (!Files.exists(path)) {
      throw Status.NOT_FOUND.withDescription("repository_path: " + path + " does not exist").asRuntimeException();
    }
    if (!Files.isDirectory(path)) {
      throw invalid("repository_path", path + " is a file, not a directory");
    }
    return path;
  }
}
