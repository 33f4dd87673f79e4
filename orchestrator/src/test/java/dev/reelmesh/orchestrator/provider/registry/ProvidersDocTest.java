package dev.reelmesh.orchestrator.provider.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.provider.catalog.StandardProviders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/providers.md answers for the registry: every provider and every setting is on it. */
class ProvidersDocTest {
  @Test
  void everyRegisteredProviderAndSettingIsDocumented() throws Exception {
    Path doc = Path.of("..", "docs", "providers.md");
    String text = Files.readString(doc);
    ProviderRegistry registry = StandardProviders.fromEnv(Map.of());
    assertThat(registry.all()).isNotEmpty();
    for (ProviderEntry entry : registry.all()) {
      assertThat(text).as("the table row of %s %s", entry.role().field(), entry.name())
          .containsPattern("\\| " + entry.role().field() + " \\| `" + entry.name() + "` \\|");
      for (Setting setting : entry.settings()) {
        assertThat(text).as("%s's setting %s", entry.name(), setting.variable())
            .contains("`" + setting.variable() + "`");
      }
    }
  }
}
