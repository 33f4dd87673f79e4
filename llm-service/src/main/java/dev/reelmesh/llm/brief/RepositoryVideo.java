package dev.reelmesh.llm.brief;

import dev.reelmesh.llm.engine.EngineRouter;
import dev.reelmesh.llm.engine.Outcome;
import java.nio.file.Path;
import java.util.List;

/**
 * Repository → video: scan, rank concepts and give them gags (tables, then the LLM for the
 * rest when configured), fill the timed story and compress to the budget level.
 */
public final class RepositoryVideo {
  private RepositoryVideo() {}

  public static Outcome<RepositoryBrief> draft(EngineRouter router, Path repo, String metaphorTable,
      String storyTable, BriefDrafter.Ask ask) {
    MetaphorTable table = MetaphorTable.load(metaphorTable, TableFiles.repositoryFile(repo, MetaphorTable.FILE));
    StoryTemplate story = StoryTemplate.load(storyTable, TableFiles.repositoryFile(repo, StoryTemplate.FILE));
    RepositoryScan.Findings findings = RepositoryScan.scan(repo);
    List<Concept> ranked = ConceptFinder.rank(findings, table);
    Outcome<List<Concept>> gags = MetaphorProposer.propose(router, ranked, ask.tone(),
        ask.budget().maxConcepts);
    RepositoryBrief brief = BriefDrafter.draft(repo.getFileName().toString(), findings, gags.value(), story, ask);
    return new Outcome<>(brief, gags.engine(), gags.costs());
  }
}
