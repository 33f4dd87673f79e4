package dev.reelmesh.llm.clipprompt;

import static dev.reelmesh.common.error.Statuses.invalid;

import dev.reelmesh.llm.plan.Plan;
import dev.reelmesh.llm.plan.PlanClip;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps plan ids to reference URLs. Priority per clip: the clip's scene (location) reference, else
 * its first character's, else a product photo (which anchors every clip), else text only. Partial
 * references map what exists; nothing missing is an error.
 */
public final class ReferenceMapper {
  private ReferenceMapper() {}

  /** Checks every reference (kind, target id, http(s) URL) against the plan. */
  public static void check(Plan plan, List<Reference> references) {
    for (int i = 0; i < references.size(); i++) {
      Reference r = references.get(i);
      String f = "references[" + i + "]";
      if (!r.localOnly() && !isHttpUrl(r.url())) {
        throw invalid(f + ".url", "must be an http(s) URL with a host (or give artifact), got '"
            + r.url() + "'");
      }
      switch (r.kind()) {
        case SCENE -> {
          if (plan.location(r.targetId()).isEmpty()) {
            throw invalid(f + ".target_id", "no location '" + r.targetId() + "' in the plan");
          }
        }
        case CHARACTER -> {
          if (plan.character(r.targetId()).isEmpty()) {
            throw invalid(f + ".target_id", "no character '" + r.targetId() + "' in the plan");
          }
        }
        case PRODUCT -> { }
      }
    }
  }

  public static Map<Integer, ClipReferences> map(Plan plan, List<Reference> references) {
    // Presence and URL are kept apart: an artifact-only reference anchors the clip (mode and
    // wording) but has no URL to hand on.
    Map<String, String> scenes = new LinkedHashMap<>();
    Map<String, String> characters = new LinkedHashMap<>();
    boolean productPresent = false;
    String product = "";
    for (Reference r : references) {
      switch (r.kind()) {
        case SCENE -> scenes.putIfAbsent(r.targetId(), r.url());
        case CHARACTER -> characters.putIfAbsent(r.targetId(), r.url());
        case PRODUCT -> {
          if (!productPresent) {
            productPresent = true;
            product = r.url();
          }
        }
      }
    }
    Map<Integer, ClipReferences> out = new LinkedHashMap<>();
    for (PlanClip clip : plan.clips()) {
      boolean hasScene = scenes.containsKey(clip.locationId());
      String scene = scenes.getOrDefault(clip.locationId(), "");
      boolean hasCharacter = false;
      List<String> chars = new ArrayList<>();
      for (String id : clip.characterIds()) {
        if (characters.containsKey(id)) {
          hasCharacter = true;
          if (!characters.get(id).isEmpty()) {
            chars.add(characters.get(id));
          }
        }
      }
      boolean productAnchored = false;
      ReferenceMode mode;
      if (hasScene) {
        mode = ReferenceMode.SCENE;
      } else if (hasCharacter) {
        mode = ReferenceMode.CHARACTER;
      } else if (productPresent) {
        // The contract has no product field per clip: the product photo anchors the frame as its scene.
        scene = product;
        productAnchored = true;
        mode = ReferenceMode.SCENE;
      } else {
        mode = ReferenceMode.TEXT_ONLY;
      }
      out.put(clip.index(), new ClipReferences(scene, chars, mode, productAnchored));
    }
    return out;
  }

  public static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
