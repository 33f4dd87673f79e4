package dev.reelmesh.orchestrator.provider.image.animatic.scene;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Nouns to Symbola glyphs through the shipped keyword table (CLDR annotations, see
 * {@code pictograms.tsv}) and a short alias table for nouns CLDR does not name. A noun matches,
 * in order: a short name ("cat"), an alias ("mug" → "hot beverage"), the last word of a short
 * name ("truck" → "delivery truck"), a keyword ("boat" → "sailboat"). Among several rows the
 * shortest name wins, so "cat" beats "cat face".
 */
public final class Pictograms {
  private static final String DIR = "/dev/reelmesh/orchestrator/provider/image/animatic/";
  private static final Pictograms SHARED = new Pictograms();
  private final Map<String, Integer> byName = new HashMap<>();
  private final Map<String, String> lastWord = new HashMap<>();
  private final Map<String, String> keyword = new HashMap<>();
  private final Map<String, String> aliases = new HashMap<>();

  private Pictograms() {
    for (String[] row : rows("pictograms.tsv")) {
      String name = row[1].toLowerCase(java.util.Locale.ROOT);
      byName.put(name, Integer.parseInt(row[0], 16));
      String[] parts = name.split(" ");
      keepShortest(lastWord, parts[parts.length - 1], name);
      if (row.length > 2) {
        for (String k : row[2].split("\\|")) {
          keepShortest(keyword, k.toLowerCase(java.util.Locale.ROOT), name);
        }
      }
    }
    for (String[] row : rows("aliases.tsv")) {
      if (!byName.containsKey(row[1])) {
        throw new IllegalStateException("aliases.tsv: " + row[0] + " names unknown " + row[1]);
      }
      aliases.put(row[0], row[1]);
    }
  }

  public static Pictograms shared() {
    return SHARED;
  }

  /** The glyph for {@code noun} (singular, lower case), or null when none matches. */
  public Pictogram find(String noun) {
    if (byName.containsKey(noun)) {
      return of(noun, noun, "name");
    }
    if (aliases.containsKey(noun)) {
      return of(noun, aliases.get(noun), "alias");
    }
    if (lastWord.containsKey(noun)) {
      return of(noun, lastWord.get(noun), "name");
    }
    if (keyword.containsKey(noun)) {
      return of(noun, keyword.get(noun), "keyword");
    }
    return null;
  }

  /** The glyph for a CLDR short name, or null. */
  public Pictogram named(String name) {
    return byName.containsKey(name) ? of(name, name, "name") : null;
  }

  public int size() {
    return byName.size();
  }

  private Pictogram of(String noun, String name, String how) {
    return new Pictogram(noun, byName.get(name), name, how);
  }

  private static void keepShortest(Map<String, String> map, String key, String name) {
    // Prohibition signs ("no bicycles") never stand for the thing they forbid.
    if (name.startsWith("no ") || name.contains("face with") || name.contains("crossed")) {
      return;
    }
    map.merge(key, name, (a, b) -> b.length() < a.length() ? b : a);
  }

  private static java.util.List<String[]> rows(String file) {
    try (InputStream in = Pictograms.class.getResourceAsStream(DIR + file)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DIR + file);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in,
          StandardCharsets.UTF_8));
      return reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
