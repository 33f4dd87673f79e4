package dev.reelmesh.orchestrator.provider.registry;

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
public final class ProviderRegistry {
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
}
