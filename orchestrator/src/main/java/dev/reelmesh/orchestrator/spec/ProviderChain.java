package dev.reelmesh.orchestrator.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One role's provider choice: a single provider ({@code "runway"}), a provider with a model
 * ({@code "fal:kling-2.1"}) or a fallback chain of them, first choice first
 * ({@code "fal:kling-2.1,runway,motion"}). A later element is used only when an earlier one is
 * not configured or answers that its model is unavailable, and each move is a fallback event.
 */
public record ProviderChain(List<Link> links) {
  /** At most this many elements: a chain is a preference list, not a search. */
  public static final int MAX_LINKS = 6;

  /** One element: a provider name (lower case) and a model id ("" = the provider's default). */
  public record Link(String name, String model) {
    /** "fal:kling-2.1", "motion". */
    public String text() {
      return model.isEmpty() ? name : name + ":" + model;
    }
  }

  public ProviderChain {
    links = List.copyOf(links);
  }

  /**
   * Reads {@code "name[:model],..."}; names are case-insensitive, model ids are kept as given.
   *
   * @throws IllegalArgumentException naming the element that is malformed
   */
  public static ProviderChain parse(String text) {
    String[] parts = text.split(",", -1);
    if (parts.length > MAX_LINKS) {
      throw new IllegalArgumentException("at most " + MAX_LINKS + " providers in a fallback "
          + "chain, got " + parts.length);
    }
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i].strip();
      int colon = part.indexOf(':');
      String name = (colon < 0 ? part : part.substring(0, colon)).strip()
          .toLowerCase(Locale.ROOT);
      String model = colon < 0 ? "" : part.substring(colon + 1).strip();
      String where = parts.length > 1 ? "element " + (i + 1) + " ('" + part + "') " : "";
      if (name.isEmpty()) {
        throw new IllegalArgumentException(where + "has no provider name; write "
            + "'provider[:model]' elements separated by commas");
      }
      if (colon >= 0 && model.isEmpty()) {
        throw new IllegalArgumentException(where + "has an empty model after ':'");
      }
      if (!model.matches("[A-Za-z0-9._/@+-]*")) {
        throw new IllegalArgumentException(where + "model '" + model + "' may hold only "
            + "letters, digits and . _ / @ + -");
      }
      Link link = new Link(name, model);
      if (links.contains(link)) {
        throw new IllegalArgumentException(where + "repeats '" + link.text() + "'");
      }
      links.add(link);
    }
    return new ProviderChain(links);
  }

  public Link first() {
    return links.get(0);
  }

  /** The normalised text a filled spec keeps ("fal:kling-2.1,runway,motion"). */
  public String text() {
    return String.join(",", links.stream().map(Link::text).toList());
  }
}
