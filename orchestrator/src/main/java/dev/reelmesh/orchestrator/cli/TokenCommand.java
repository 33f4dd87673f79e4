package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.common.auth.AuthConfig;
import dev.reelmesh.common.auth.Principal;
import dev.reelmesh.common.auth.TokenIssuer;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reelmesh token}: prints a bearer token signed with the configured secret
 * ({@code REELMESH_AUTH_SECRET}), for {@code REELMESH_TOKEN} or any gRPC client.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
    description = "Issue a bearer token signed with REELMESH_AUTH_SECRET.")
final class TokenCommand implements Callable<Integer> {
  @Option(names = "--tenant", required = true,
      description = "Tenant whose jobs and artifacts the token may see.")
  String tenant;

  @Option(names = "--subject", description = "Who holds the token (default: the tenant).")
  String subject;

  @Option(names = "--roles", defaultValue = "submit",
      description = "Comma-separated: submit, admin, service (default: ${DEFAULT-VALUE}).")
  String roles;

  @Option(names = "--ttl", defaultValue = "7d",
      description = "Lifetime: 90m, 12h, 30d (default: ${DEFAULT-VALUE}).")
  String ttl;

  @Spec CommandSpec spec;

  /** The environment the secret is read from (tests set their own). */
  java.util.Map<String, String> env = System.getenv();

  @Override
  public Integer call() {
    TokenIssuer issuer = new TokenIssuer(AuthConfig.fromEnv(env));
    Principal principal = new Principal(subject == null ? tenant : subject, tenant,
        TokenIssuer.roles(roles));
    spec.commandLine().getOut().println(issuer.issue(principal, lifetime(ttl)));
    spec.commandLine().getOut().flush();
    return 0;
  }

  static Duration lifetime(String text) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})([mhd])")
        .matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("--ttl must look like 90m, 12h or 30d, got '" + text
          + "'");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
