package dev.reelmesh.llm;

import static dev.reelmesh.common.error.Statuses.invalid;

import dev.reelmesh.llm.brief.BriefDrafter;
import dev.reelmesh.llm.brief.BudgetLevel;
import dev.reelmesh.llm.brief.Concept;
import dev.reelmesh.llm.brief.RepositoryBrief;
import dev.reelmesh.llm.brief.RepositoryRoots;
import dev.reelmesh.llm.brief.RepositoryVideo;
import dev.reelmesh.llm.engine.EngineRouter;
import dev.reelmesh.llm.engine.Outcome;
import dev.reelmesh.v1.ConceptMetaphor;
import dev.reelmesh.v1.DraftRepositoryBriefRequest;
import dev.reelmesh.v1.DraftRepositoryBriefResponse;
import dev.reelmesh.v1.OutlineBeat;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * DraftRepositoryBrief at the edge: validates, reads only below the configured repository roots
 * ({@link RepositoryRoots}), drafts ({@link RepositoryVideo}) and converts the answer.
 */
final class RepositoryBriefs {
  static final int MAX_TABLE_CHARS = 64_000;
  private final RepositoryRoots roots;
  private final EngineRouter router;

  RepositoryBriefs(List<Path> allowedRoots, EngineRouter router) {
    this.roots = new RepositoryRoots(allowedRoots);
    this.router = router;
  }

  DraftRepositoryBriefResponse draft(DraftRepositoryBriefRequest r) {
    long t0 = System.nanoTime();
    Path repo = roots.resolve(r.getRepositoryPath());
    double seconds = r.getDurationSeconds() == 0 ? 90 : r.getDurationSeconds();
    if (!Double.isFinite(seconds) || seconds <= 0 || seconds > 600) {
      throw invalid("duration_seconds", "must be in (0, 600] seconds (0 = 90), got " + r.getDurationSeconds());
    }
    limit("audience", r.getAudience(), 200);
    limit("story_template", r.getStoryTemplate(), 200);
    limit("metaphor_table", r.getMetaphorTable(), MAX_TABLE_CHARS);
    limit("story_table", r.getStoryTable(), MAX_TABLE_CHARS);
    BudgetLevel budget = switch (r.getBudget()) {
      case TOKEN_BUDGET_LEVEL_ULTRA_LOW -> BudgetLevel.ULTRA_LOW;
      case TOKEN_BUDGET_LEVEL_LOW -> BudgetLevel.LOW;
      case TOKEN_BUDGET_LEVEL_UNSPECIFIED, TOKEN_BUDGET_LEVEL_MEDIUM -> BudgetLevel.MEDIUM;
      case TOKEN_BUDGET_LEVEL_HIGH -> BudgetLevel.HIGH;
      case TOKEN_BUDGET_LEVEL_STANDARD -> BudgetLevel.STANDARD;
      case UNRECOGNIZED -> throw invalid("budget", "unknown token budget level " + r.getBudgetValue());
    };
    String tone = r.getStoryTemplate().isBlank() ? "silent-film comedy" : r.getStoryTemplate().strip();
    Outcome<RepositoryBrief> o = RepositoryVideo.draft(router, repo, r.getMetaphorTable(), r.getStoryTable(),
        new BriefDrafter.Ask(r.getAudience(), seconds, tone, budget));
    RepositoryBrief b = o.value();
    DraftRepositoryBriefResponse.Builder out = DraftRepositoryBriefResponse.newBuilder().setBrief(b.brief())
        .setTitle(b.title()).setSubject(b.subject()).setProductDescription(b.productDescription())
        .setFilesScanned(b.filesScanned()).putAllFilesByKind(b.filesByKind()).setStorySource(b.storySource())
        .setTokensBefore(b.tokensBefore()).setTokensAfter(b.tokensAfter()).setTokenCap(b.tokenCap())
        .setEngine(EngineProtos.info(o.engine(), t0)).addAllCost(EngineProtos.costs(o.costs()));
    for (Concept c : b.concepts()) {
      out.addConcepts(c.name()).addMetaphors(ConceptMetaphor.newBuilder().setConcept(c.name())
          .setKind(c.kind().name().toLowerCase(Locale.ROOT)).setMeaning(c.meaning()).setGag(c.gag())
          .setSeconds(c.seconds()).setSource(c.gagSource()));
    }
    b.outline().forEach(beat -> out.addStoryBeats(beat.line()).addOutline(OutlineBeat.newBuilder().setName(beat.name())
        .setStartSeconds(beat.start()).setEndSeconds(beat.end()).setDirection(beat.direction())));
    return out.build();
  }

  private static void limit(String field, String value, int max) {
    if (value.length() > max) {
      throw invalid(field, "must be at most " + max + " characters, got " + value.length());
    }
  }
}
