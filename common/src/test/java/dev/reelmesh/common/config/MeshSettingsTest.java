package dev.reelmesh.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeshSettingsTest {
  @Test
  void flagsWinOverEnvironmentWhichWinsOverDefaults() {
    Map<String, String> env = Map.of("REELMESH_DATA", "/env/data", "REELMESH_MODELS", "/env/m");
    assertThat(MeshSettings.resolve(Path.of("/flag"), null, env))
        .isEqualTo(new MeshSettings(Path.of("/flag"), Path.of("/env/m")));
    MeshSettings defaults = MeshSettings.resolve(null, null, Map.of("XDG_DATA_HOME", "/x"));
    assertThat(defaults.dataDir()).isEqualTo(Path.of("/x/reelmesh"));
    assertThat(defaults.modelsDir()).isEqualTo(Path.of("models").toAbsolutePath());
    assertThat(defaults.artifactRoot()).isEqualTo(Path.of("/x/reelmesh/artifacts"));
    assertThat(defaults.stateDir()).isEqualTo(Path.of("/x/reelmesh/state"));
  }

  @Test
  void portsShiftTogetherFromTheBase() {
    assertThat(ServicePorts.defaults()).isEqualTo(new ServicePorts(50051, 50052, 50053, 50054));
    assertThat(ServicePorts.fromBase(60000)).isEqualTo(new ServicePorts(60000, 60001, 60002, 60003));
    assertThatThrownBy(() -> ServicePorts.fromBase(65533))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--port-base");
    assertThatThrownBy(() -> ServicePorts.fromBase(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
