package dev.reelmesh.orchestrator.provider.image;

import dev.reelmesh.orchestrator.provider.image.animatic.scene.SceneGraph;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A frame's scene graphs as plain maps for the {@code *.scene.json} file beside its images. */
final class SceneJson {
  private SceneJson() {}

  static Map<String, Object> of(List<SceneGraph> scenes, boolean reference) {
    SceneGraph first = scenes.get(0);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("setting", first.setting().name().toLowerCase(java.util.Locale.ROOT));
    out.put("light", first.light());
    out.put("weather", first.weather());
    out.put("camera", Map.of("words", first.camera().words(), "framing",
        first.camera().framing().name().toLowerCase(java.util.Locale.ROOT), "move",
        first.camera().move().name().toLowerCase(java.util.Locale.ROOT)));
    if (first.subject() != null) {
      Map<String, Object> subject = new LinkedHashMap<>();
      subject.put("noun", first.subject().pictogram().noun());
      subject.put("drawn_as", reference ? "reference image"
          : first.subject().pictogram().name());
      subject.put("matched_by", first.subject().pictogram().matchedBy());
      subject.put("placeholder", !reference && first.subject().pictogram().isPlaceholder());
      subject.put("colour", hex(first.subject().colour()));
      out.put("subject", subject);
    }
    out.put("props", first.props().stream().map(p -> p.pictogram().name()).toList());
    List<Map<String, Object>> people = new ArrayList<>();
    for (SceneGraph.Figure f : first.figures()) {
      people.add(Map.of("name", f.spec().name(), "role", f.spec().role(),
          "age", f.spec().age().name().toLowerCase(java.util.Locale.ROOT),
          "pose", f.spec().pose().name().toLowerCase(java.util.Locale.ROOT),
          "top", hex(f.spec().top()), "bottom", hex(f.spec().bottom())));
    }
    out.put("characters", people);
    List<Map<String, Object>> variations = new ArrayList<>();
    for (SceneGraph s : scenes) {
      variations.add(Map.of("composition", s.composition(), "view_height",
          Math.round(s.view().height() * 10) / 10.0, "tilt", s.view().tiltDegrees()));
    }
    out.put("variations", variations);
    return out;
  }

  private static String hex(Color c) {
    return String.format("#%06X", c.getRGB() & 0xffffff);
  }
}
