package dev.reelmesh.llm.plan;

import dev.reelmesh.llm.plan.reading.AgeGroup;
import dev.reelmesh.llm.plan.reading.Gender;
import java.util.List;

/**
 * A character: the description is repeated verbatim in every prompt that shows them. The other
 * fields say what the painter draws (see the proto's Character): role, age, gender, relation to
 * another character (id), clothing in words and as "#RRGGBB", species for animals.
 */
public record PlanCharacter(String id, String name, String description, String role, AgeGroup age,
    Gender gender, String relation, String relatedTo, String clothing, List<String> clothingColours,
    String species) {

  public PlanCharacter {
    clothingColours = List.copyOf(clothingColours);
  }

  /** A character known only by name and description (an LLM's or an old plan's). */
  public PlanCharacter(String id, String name, String description) {
    this(id, name, description, "", AgeGroup.UNSPECIFIED, Gender.UNSPECIFIED, "", "", "", List.of(), "");
  }
}
