package dev.reelmesh.llm.clipprompt;

/** A reference image given to the prompt generator (the domain side of ReferenceImage). */
public record Reference(Kind kind, String targetId, String url) {
  public enum Kind { SCENE, CHARACTER, PRODUCT }
}
