package dev.reelmesh.orchestrator.provider.image.animatic.scene;

import java.awt.Color;
import java.util.List;

/**
 * What one frame should show, as plain values: the seam between whoever reads the brief (today
 * {@link BriefReader}, from the plan's text; later the planner's explicit fields) and the
 * composer that lays the scene out.
 *
 * @param subject the noun the brief is about ("boat", "mug"); empty when it names none
 * @param subjectColour the colour the brief gives the subject, or null
 * @param props other things the brief names, drawn smaller beside the subject
 * @param setting the kind of place
 * @param characters the people in this frame, in the order the brief names them
 * @param camera the shot's framing and move
 * @param palette the plan's palette (at least three colours)
 * @param mood the mood word of the plan ("calm", "energetic"), lower case, may be empty
 * @param light time of day the brief names: "dawn", "day", "dusk", "night"
 * @param weather "rain", "snow", "steam" or "" for none
 */
public record SceneBrief(
    String subject, Color subjectColour, List<String> props, SettingKind setting,
    List<CharacterSpec> characters, Camera camera, List<Color> palette, String mood,
    String light, String weather) {
  public SceneBrief {
    props = List.copyOf(props);
    characters = List.copyOf(characters);
    palette = List.copyOf(palette);
  }

  public SceneBrief withSubject(String noun) {
    return new SceneBrief(noun, subjectColour, props, setting, characters, camera, palette, mood,
        light, weather);
  }
}
