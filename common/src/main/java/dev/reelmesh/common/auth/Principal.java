package dev.reelmesh.common.auth;

import io.grpc.Context;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who is calling: the token's subject, the tenant whose jobs and artifacts it may see, and its
 * roles. The auth interceptor puts it into the call's gRPC {@link Context}, so code serving the
 * call (and work it moves to a worker with the context) asks {@link #current()}.
 */
public record Principal(String subject, String tenant, Set<Role> roles) {
  /** Tenant names end up in paths and queries: plain names only. */
  private static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  public static final Context.Key<Principal> KEY = Context.key("reelmesh-principal");

  /**
   * The one person of a mesh without authentication (loopback, zero configuration), and callers
   * inside the JVM (in-process channels): every role, tenant "local".
   */
  public static final Principal LOCAL =
      new Principal("local", "local", EnumSet.allOf(Role.class));

  public Principal {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("sub: the token names no subject");
    }
    if (tenant == null || !TENANT.matcher(tenant).matches()) {
      throw new IllegalArgumentException("tenant: must be 1-64 of a-z 0-9 . _ - (starting with "
          + "a letter or digit), got '" + tenant + "'");
    }
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /** Whether {@code name} is a tenant's name: 1-64 of a-z 0-9 . _ -, a letter or digit first. */
  public static boolean isTenantName(String name) {
    return name != null && TENANT.matcher(name).matches();
  }

  public boolean has(Role role) {
    return roles.contains(role) || roles.contains(Role.ADMIN);
  }

  /** The caller of the gRPC call being served; every served call has one. */
  public static Principal current() {
    Principal principal = KEY.get();
    if (principal == null) {
      throw new IllegalStateException("no caller in this context: the code runs outside a "
          + "served call or a context that carries one");
    }
    return principal;
  }
}
