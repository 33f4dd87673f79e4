package dev.reelmesh.llm.clipprompt;

/**
 * A reference image given to the prompt generator (the domain side of ReferenceImage): a public
 * URL, an artifact in the shared root ({@code artifactUri}), or both.
 */
public record Reference(Kind kind, String targetId, String url, String artifactUri) {
  public Reference(Kind kind, String targetId, String url) {
    this(kind, targetId, url, "");
  }

  /** True when only the artifact is known: it anchors wording, but no URL can be handed on. */
  public boolean localOnly() {
    return url.isEmpty() && !artifactUri.isEmpty();
  }

  public enum Kind { SCENE, CHARACTER, PRODUCT }
}
