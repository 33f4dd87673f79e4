package dev.reelmesh.orchestrator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.v1.DraftRepositoryBriefRequest;
import dev.reelmesh.v1.TokenBudgetLevel;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What `reelmesh brief` asks the llm service, parsed from its flags. */
class BriefRequestTest {
  private static DraftRepositoryBriefRequest parsed(String... args) {
    BriefCommand brief = new BriefCommand();
    new CommandLine(brief).parseArgs(args);
    return brief.request(TokenBudgetLevel.TOKEN_BUDGET_LEVEL_LOW);
  }

  @Test
  void offlineAsksForTheBuiltInEngineAndOtherwiseTheServerChooses() {
    DraftRepositoryBriefRequest offline = parsed("--repo", "/srv/app", "--server",
        "mesh:443", "--offline", "--audience", "developers");
    assertThat(offline.getOptions().getEngine()).isEqualTo("offline");
    assertThat(offline.getRepositoryPath()).isEqualTo("/srv/app");
    assertThat(offline.getAudience()).isEqualTo("developers");
    assertThat(parsed("--repo", "/srv/app", "--server", "mesh:443").hasOptions()).isFalse();
  }
}
