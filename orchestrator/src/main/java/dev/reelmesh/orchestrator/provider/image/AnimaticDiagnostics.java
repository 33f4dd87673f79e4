package dev.reelmesh.orchestrator.provider.image;

import dev.reelmesh.common.diagnostics.Check;
import dev.reelmesh.orchestrator.provider.image.animatic.paint.Glyphs;
import dev.reelmesh.orchestrator.provider.image.animatic.scene.Pictograms;
import java.nio.file.Path;

/** What the offline image engine needs: the Symbola font its pictograms are drawn from. */
public final class AnimaticDiagnostics {
  private AnimaticDiagnostics() {}

  public static Check run() {
    Path font = Glyphs.fontFile();
    if (font == null) {
      return Check.fail("images", "Symbola font", "missing: offline storyboard frames cannot "
          + "draw their pictograms and fall back to title cards (apt-get install fonts-symbola)");
    }
    return Check.ok("images", "Symbola font", font + " (" + Pictograms.shared().size()
        + " pictograms in the keyword table)");
  }
}
