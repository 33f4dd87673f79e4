package dev.reelmesh.llm.clipprompt;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Hex colours to words a video model understands ("#00FFFF" → "cyan"), nearest by perceived RGB. */
public final class PaletteNames {
  private static final Map<String, int[]> NAMES = Map.ofEntries(
      Map.entry("black", rgb(0x000000)), Map.entry("charcoal", rgb(0x2E2E2E)),
      Map.entry("slate grey", rgb(0x5C6B73)), Map.entry("silver", rgb(0xC0C0C0)),
      Map.entry("white", rgb(0xFFFFFF)), Map.entry("cream", rgb(0xF2E8CF)),
      Map.entry("beige", rgb(0xD9CAB3)), Map.entry("red", rgb(0xE63946)),
      Map.entry("crimson", rgb(0x9B111E)), Map.entry("coral", rgb(0xFF6B6B)),
      Map.entry("orange", rgb(0xFB8500)), Map.entry("amber", rgb(0xFFBE0B)),
      Map.entry("gold", rgb(0xC9A227)), Map.entry("yellow", rgb(0xFFE600)),
      Map.entry("olive", rgb(0x6B7F3A)), Map.entry("green", rgb(0x2DC653)),
      Map.entry("sage green", rgb(0xA8B5A2)), Map.entry("forest green", rgb(0x1E4D2B)),
      Map.entry("teal", rgb(0x008080)), Map.entry("cyan", rgb(0x00FFFF)),
      Map.entry("sky blue", rgb(0x87CEEB)), Map.entry("blue", rgb(0x1F5FFF)),
      Map.entry("navy", rgb(0x1B2A41)), Map.entry("purple", rgb(0x7B2CBF)),
      Map.entry("lavender", rgb(0xC8B6FF)), Map.entry("magenta", rgb(0xFF00FF)),
      Map.entry("pink", rgb(0xFF8FAB)), Map.entry("brown", rgb(0x8C5E3C)),
      Map.entry("tan", rgb(0xC8A27A)), Map.entry("burgundy", rgb(0x6D1A36)));

  private PaletteNames() {}

  /** The colour name nearest to {@code hex} ("#RRGGBB"). */
  public static String name(String hex) {
    int[] c = rgb(Integer.parseInt(hex.substring(1), 16));
    String best = null;
    double bestDistance = Double.MAX_VALUE;
    for (Map.Entry<String, int[]> e : NAMES.entrySet()) {
      double d = distance(c, e.getValue());
      // Ties broken by name so the answer never depends on map iteration order.
      if (d < bestDistance || (d == bestDistance && e.getKey().compareTo(best) < 0)) {
        bestDistance = d;
        best = e.getKey();
      }
    }
    return best;
  }

  /** "navy, gold and cream colour palette"; empty palette → empty string. */
  public static String describe(List<String> palette) {
    Set<String> names = new LinkedHashSet<>();
    for (String hex : palette) {
      names.add(name(hex));
    }
    List<String> list = new ArrayList<>(names);
    if (list.isEmpty()) {
      return "";
    }
    String joined = list.size() == 1 ? list.get(0)
        : String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(list.size() - 1);
    return joined + " colour palette";
  }

  /** "Redmean" weighted RGB distance: cheap and closer to perception than plain Euclid. */
  private static double distance(int[] a, int[] b) {
    double rMean = (a[0] + b[0]) / 2.0;
    int dr = a[0] - b[0];
    int dg = a[1] - b[1];
    int db = a[2] - b[2];
    return Math.sqrt((2 + rMean / 256) * dr * dr + 4 * dg * dg + (2 + (255 - rMean) / 256) * db * db);
  }

  private static int[] rgb(int v) {
    return new int[] {(v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF};
  }
}
