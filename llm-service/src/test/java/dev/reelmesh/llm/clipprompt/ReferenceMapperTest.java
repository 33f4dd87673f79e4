package dev.reelmesh.llm.clipprompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.llm.plan.Plan;
import dev.reelmesh.llm.testing.Plans;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceMapperTest {
  private final Plan plan = Plans.plan(3, 4); // clips 0,2: loc-1 + char-1; clip 1: loc-2, no cast

  @Test
  void sceneWinsThenFirstCharacterThenTextOnly() {
    Map<Integer, ClipReferences> m = ReferenceMapper.map(plan, List.of(
        new Reference(Reference.Kind.CHARACTER, "char-1", "https://x.test/mara.png"),
        new Reference(Reference.Kind.SCENE, "loc-1", "https://x.test/street.png")));
    assertThat(m.get(0).mode()).isEqualTo(ReferenceMode.SCENE);
    assertThat(m.get(0).sceneUrl()).isEqualTo("https://x.test/street.png");
    assertThat(m.get(0).characterUrls()).containsExactly("https://x.test/mara.png");
    assertThat(m.get(1).mode()).isEqualTo(ReferenceMode.TEXT_ONLY);
    assertThat(m.get(1).sceneUrl()).isEmpty();
  }

  @Test
  void partialReferencesMapWhatExists() {
    Map<Integer, ClipReferences> m = ReferenceMapper.map(plan, List.of(
        new Reference(Reference.Kind.CHARACTER, "char-1", "https://x.test/mara.png")));
    assertThat(m.get(0).mode()).isEqualTo(ReferenceMode.CHARACTER);
    assertThat(m.get(0).sceneUrl()).isEmpty();
    assertThat(m.get(2).characterUrls()).containsExactly("https://x.test/mara.png");
    assertThat(m.get(1).mode()).isEqualTo(ReferenceMode.TEXT_ONLY);
  }

  @Test
  void noReferencesMeansTextOnlyEverywhere() {
    assertThat(ReferenceMapper.map(plan, List.of()).values())
        .allMatch(r -> r.mode() == ReferenceMode.TEXT_ONLY && r.characterUrls().isEmpty());
  }

  @Test
  void productPhotoAnchorsClipsWithoutOtherReferences() {
    Map<Integer, ClipReferences> m = ReferenceMapper.map(plan, List.of(
        new Reference(Reference.Kind.PRODUCT, "", "https://x.test/kettle.png")));
    assertThat(m.get(1).sceneUrl()).isEqualTo("https://x.test/kettle.png");
    assertThat(m.get(1).productAnchored()).isTrue();
  }

  @Test
  void refusesNonHttpUrlsAndUnknownTargets() {
    assertThatThrownBy(() -> ReferenceMapper.check(plan, List.of(
        new Reference(Reference.Kind.SCENE, "loc-1", "file:///etc/passwd"))))
        .isInstanceOf(StatusRuntimeException.class).hasMessageContaining("references[0].url");
    assertThatThrownBy(() -> ReferenceMapper.check(plan, List.of(
        new Reference(Reference.Kind.SCENE, "loc-1", "https://ok.test/a.png"),
        new Reference(Reference.Kind.CHARACTER, "char-9", "https://ok.test/b.png"))))
        .hasMessageContaining("references[1].target_id").hasMessageContaining("char-9");
  }

  @Test
  void anArtifactOnlyReferenceAnchorsTheClipWithoutAUrl() {
    List<Reference> refs = List.of(
        new Reference(Reference.Kind.PRODUCT, "", "", "jobs/j1/references/kettle.png"),
        new Reference(Reference.Kind.CHARACTER, "char-1", "", "jobs/j1/references/mara.png"));
    ReferenceMapper.check(plan, refs);
    Map<Integer, ClipReferences> m = ReferenceMapper.map(plan, refs);
    assertThat(m.get(0).mode()).isEqualTo(ReferenceMode.CHARACTER);
    assertThat(m.get(0).characterUrls()).isEmpty();
    assertThat(m.get(1).mode()).isEqualTo(ReferenceMode.SCENE);
    assertThat(m.get(1).productAnchored()).isTrue();
    assertThat(m.get(1).sceneUrl()).isEmpty();
    assertThatThrownBy(() -> ReferenceMapper.check(plan, List.of(
        new Reference(Reference.Kind.PRODUCT, "", "", ""))))
        .hasMessageContaining("references[0].url");
  }
}
