package dev.reelmesh.scoring.engine;

import java.util.List;
import java.util.Set;

/** The scorer names of the contract, in the order results list them. */
public final class ScorerNames {
  public static final String CLIP = "clip";
  public static final String SIGLIP = "siglip";
  public static final String AESTHETIC = "aesthetic";
  public static final String PICKSCORE = "pickscore";
  public static final String BUILTIN = "builtin-technical";

  public static final List<String> ALL = List.of(CLIP, SIGLIP, PICKSCORE, AESTHETIC, BUILTIN);
  /** Scorers that compare the image with the prompt and so need one. */
  public static final Set<String> NEED_TEXT = Set.of(CLIP, SIGLIP, PICKSCORE);

  private ScorerNames() {}
}
