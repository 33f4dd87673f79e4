package dev.reelmesh.common.auth;

import java.util.Locale;
import java.util.Optional;

/** What a token lets its holder do; the {@code roles} claim lists them by {@link #claim()}. */
public enum Role {
  /** Submit, watch and manage one's own jobs; call the services directly. */
  SUBMIT,
  /** Load and unload models, read and set budgets and credits. Allowed everything. */
  ADMIN,
  /** A service calling another service on the mesh's behalf. */
  SERVICE;

  /** The name in a token's {@code roles} claim: "submit", "admin", "service". */
  public String claim() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromClaim(String claim) {
    for (Role role : values()) {
      if (role.claim().equals(claim)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
