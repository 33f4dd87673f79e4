package dev.reelmesh.llm;

import static dev.reelmesh.common.error.Statuses.invalid;

import dev.reelmesh.llm.brief.BriefDrafter;
import dev.reelmesh.llm.brief.BudgetLevel;
import dev.reelmesh.llm.brief.RepositoryBrief;
import dev.reelmesh.llm.brief.RepositoryScan;
import dev.reelmesh.llm.engine.EngineReport;
import dev.reelmesh.v1.DraftRepositoryBriefRequest;
import dev.reelmesh.v1.DraftRepositoryBriefResponse;
import dev.reelmesh.llm.brief.RepositoryRoots;
import java.nio.file.Path;
import java.util.List;

/**
 * DraftRepositoryBrief at the edge. Offline only: the scan and the draft are deterministic. Only
 * directories below the configured repository roots are read ({@link RepositoryRoots}).
 */
final class RepositoryBriefs {
  private final RepositoryRoots roots;

  RepositoryBriefs(List<Path> allowedRoots) {
    this.roots = new RepositoryRoots(allowedRoots);
  }

  DraftRepositoryBriefResponse draft(DraftRepositoryBriefRequest r) {
    long t0 = System.nanoTime();
    Path repo = roots.resolve(r.getRepositoryPath());
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

}
