package dev.reelmesh.llm.enhance;

import dev.reelmesh.llm.plan.PlanStyle;

/** What the writer and critic know besides the prompt; style may be null. */
public record EnhanceContext(PlanStyle style, boolean hasReference, String frameRole) {}
