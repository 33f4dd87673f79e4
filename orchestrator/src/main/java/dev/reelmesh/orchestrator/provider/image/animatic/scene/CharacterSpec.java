package dev.reelmesh.orchestrator.provider.image.animatic.scene;

import java.awt.Color;

/**
 * One person to draw: who (name as the plan or brief calls them, role word), how old, what they
 * wear (top and bottom colours), their hair, and their pose.
 */
public record CharacterSpec(
    String name, String role, Age age, Color top, Color bottom, Color hair, Color skin,
    Pose pose) {}
