package dev.reelmesh.orchestrator.provider.registry;

import dev.reelmesh.orchestrator.spec.ProviderCatalog;
import dev.reelmesh.orchestrator.spec.ProviderChain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The providers this orchestrator can drive, by role and name. Built once at start-up from the
 * registration list ({@code provider.catalog.StandardProviders}) or, in tests, from entries
 * pointed at fake servers.
 */
public final class ProviderRegistry implements ProviderCatalog {
  private final Map<Role, Map<String, ProviderEntry>> entries = new LinkedHashMap<>();

  public ProviderRegistry(List<? extends ProviderEntry> all) {
    for (Role role : Role.values()) {
      entries.put(role, new LinkedHashMap<>());
    }
    for (ProviderEntry entry : all) {
      String name = entry.name();
      if (!name.matches("[a-z][a-z0-9-]*")) {
        throw new IllegalArgumentException("provider name '" + name + "' must be lower case "
            + "letters, digits and '-'");
      }
      if (entries.get(entry.role()).putIfAbsent(name, entry) != null) {
        throw new IllegalArgumentException("two " + entry.role().field() + " providers named '"
            + name + "'");
      }
    }
  }

  /** This registry with {@code replacements} in place of the entries of the same role and name. */
  public ProviderRegistry with(List<? extends ProviderEntry> replacements) {
    List<ProviderEntry> all = new ArrayList<>();
    for (Map<String, ProviderEntry> byName : entries.values()) {
      for (ProviderEntry e : byName.values()) {
        if (replacements.stream().noneMatch(r -> r.role() == e.role()
            && r.name().equals(e.name()))) {
          all.add(e);
        }
      }
    }
    all.addAll(replacements);
    return new ProviderRegistry(all);
  }

  public Optional<ProviderEntry> find(Role role, String name) {
    return Optional.ofNullable(entries.get(role).get(name));
  }

  /** The entries of one role, in registration order. */
  public List<ProviderEntry> entries(Role role) {
    return List.copyOf(entries.get(role).values());
  }

  public List<ProviderEntry> all() {
    List<ProviderEntry> all = new ArrayList<>();
    entries.values().forEach(m -> all.addAll(m.values()));
    return all;
  }

  /** A role's choice resolved to the element a run would use first. */
  public record Chosen<E extends ProviderEntry>(E entry, String model) {
    public Capabilities capabilities() {
      return entry.capabilities(model);
    }
  }

  /**
   * The first element of {@code choice} (a provider or a fallback chain, "" = the role's
   * default) that is registered and configured: what an estimate prices.
   */
  public <E extends ProviderEntry> Optional<Chosen<E>> firstUsable(Role role, Class<E> type,
      String choice) {
    for (ProviderChain.Link link : ProviderChain.parse(choice.isBlank()
        ? defaultName(role.field()) : choice).links()) {
      Optional<ProviderEntry> entry = find(role, link.name());
      if (entry.isPresent() && type.isInstance(entry.get())
          && entry.get().missing(link.model()).isEmpty()) {
        return Optional.of(new Chosen<>(type.cast(entry.get()), link.model()));
      }
    }
    return Optional.empty();
  }

  /**
   * The clip lengths the first usable element of a video {@code choice} renders, ascending:
   * what its plan is cut to. Empty = any length, or no element usable (the clips stage says so).
   */
  public List<Integer> clipSeconds(String choice) {
    return firstUsable(Role.VIDEO, VideoEntry.class, choice).map(c -> c.capabilities().seconds())
        .orElse(List.of());
  }

  // What JobSpecs asks (ProviderCatalog), answered from the entries.

  @Override
  public List<String> names(String role) {
    return List.copyOf(entries.get(Role.ofField(role)).keySet());
  }

  @Override
  public String defaultName(String role) {
    return entries.get(Role.ofField(role)).values().stream().filter(e -> !e.paid())
        .map(ProviderEntry::name).findFirst().orElseThrow(() -> new IllegalStateException(
            "no built-in " + role + " provider registered"));
  }

  @Override
  public Optional<String> missing(String role, String name, String model) {
    return find(Role.ofField(role), name).map(e -> e.missing(model))
        .orElse(Optional.of("no " + role + " provider '" + name + "' is registered"));
  }

  @Override
  public Optional<String> refuses(String role, String name, String model,
      dev.reelmesh.v1.AspectRatio aspect) {
    return find(Role.ofField(role), name).map(e -> e.capabilities(model)).filter(c ->
        !c.aspects().isEmpty() && !c.aspects().contains(aspect)).map(c -> "provider '" + name
            + "' (" + role + ") does not render " + AspectNames.of(aspect) + "; it renders "
            + c.aspects().stream().map(AspectNames::of).sorted().toList());
  }

  @Override
  public boolean paid(String role, String name) {
    // One that is not registered (any more) is treated as paid: its estimate is checked.
    return find(Role.ofField(role), name).map(ProviderEntry::paid).orElse(true);
  }
}
