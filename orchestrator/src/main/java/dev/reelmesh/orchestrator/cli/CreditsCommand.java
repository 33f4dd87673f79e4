package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.common.auth.Principal;
import dev.reelmesh.v1.CreditAccount;
import dev.reelmesh.v1.CreditEntry;
import dev.reelmesh.v1.GetCreditsRequest;
import dev.reelmesh.v1.GrantCreditsRequest;
import dev.reelmesh.v1.PipelineServiceGrpc;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code reelmesh credits}: a tenant's credits (GetCredits), {@code grant TENANT AMOUNT}
 * (GrantCredits) and {@code history TENANT}. Admin calls: with a token ($REELMESH_TOKEN) that
 * lacks the admin role the mesh refuses them, and the command exits 1. Amounts are US dollars
 * (credits are micro-dollars, as the ledger).
 */
@Command(name = "credits", mixinStandardHelpOptions = true,
    description = "Show a tenant's credits (admin); grant more; list their history.",
    subcommands = {CreditsCommand.Grant.class, CreditsCommand.History.class},
    footer = ExitCodes.HELP)
final class CreditsCommand implements Callable<Integer> {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(
      "yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  @Parameters(index = "0", arity = "0..1", paramLabel = "TENANT", defaultValue = "local",
      description = "Tenant (default: ${DEFAULT-VALUE}, the user of a mesh without tokens).")
  String tenant;

  @Mixin MeshAccess access;

  @Spec CommandSpec spec;

  /** Where the token and TLS of a running mesh are configured (tests set their own). */
  Map<String, String> env = System.getenv();

  @Override
  public Integer call() throws Exception {
    Checks checks = new Checks(spec);
    access.check(checks);
    String name = tenant(checks, tenant);
    try (Connection connection = access.open(env)) {
      show(read(connection, name, 0), spec.commandLine().getOut());
    }
    return ExitCodes.OK;
  }

  static String tenant(Checks checks, String name) {
    if (!Principal.isTenantName(name)) {
      throw checks.refuse("TENANT must be 1-64 of a-z 0-9 . _ - (a letter or digit first), got '"
          + name + "'");
    }
    return name;
  }

  static CreditAccount read(Connection connection, String tenant, int history) {
    return PipelineServiceGrpc.newBlockingStub(connection.pipeline()).getCredits(
        GetCreditsRequest.newBuilder().setTenant(tenant).setHistoryLimit(history).build());
  }

  static void show(CreditAccount account, PrintWriter out) {
    if (!account.getOpen()) {
      out.println("tenant " + account.getTenant() + " has no credit account: credits do not "
          + "limit it unless the mesh runs with REELMESH_CREDITS=required (then it may make no "
          + "paid call); `reelmesh credits grant " + account.getTenant() + " AMOUNT` opens one");
    } else {
      out.printf("credits of %s%n  granted    %12s%n  spent      %12s%n  held       %12s%n"
          + "  available  %12s%n", account.getTenant(), Money.usd(account.getGrantedMicros()),
          Money.usd(account.getSpentMicros()), Money.usd(account.getHeldMicros()),
          Money.usd(account.getAvailableMicros()));
    }
    out.flush();
  }

  /** What the subcommands share: the mesh they reach, with the parent's environment. */
  abstract static class Sub implements Callable<Integer> {
    @Mixin MeshAccess access;

    @Spec CommandSpec spec;

    @picocli.CommandLine.ParentCommand CreditsCommand parent;

    Checks checks() {
      Checks checks = new Checks(spec);
      access.check(checks);
      return checks;
    }
  }

  /** {@code reelmesh credits grant TENANT AMOUNT}. */
  @Command(name = "grant", mixinStandardHelpOptions = true,
      description = "Add credits to a tenant's account (opening it); admin only.",
      footer = ExitCodes.HELP)
  static final class Grant extends Sub {
    @Parameters(index = "0", paramLabel = "TENANT") String tenant;

    @Parameters(index = "1", paramLabel = "AMOUNT",
        description = "US dollars, e.g. 25 or 2.50 (at most 6 decimals).")
    String amount;

    @Option(names = "--note", defaultValue = "", description = "Why (kept in the history).")
    String note;

    @Override
    public Integer call() throws Exception {
      Checks checks = checks();
      String name = tenant(checks, tenant);
      long micros = micros(checks, amount);
      try (Connection connection = access.open(parent.env)) {
        CreditAccount account = PipelineServiceGrpc.newBlockingStub(connection.pipeline())
            .grantCredits(GrantCreditsRequest.newBuilder().setTenant(name)
                .setAmountMicros(micros).setNote(note).build());
        spec.commandLine().getOut().println("granted " + Money.usd(micros) + " to " + name);
        show(account, spec.commandLine().getOut());
      }
      return ExitCodes.OK;
    }

    /** Dollars as typed ("25", "$2.50") → micro-dollars, or a usage error. */
    static long micros(Checks checks, String text) {
      String t = text.strip().replace(",", "");
      t = t.startsWith("$") ? t.substring(1) : t;
      BigDecimal usd;
      try {
        usd = new BigDecimal(t);
      } catch (NumberFormatException e) {
        throw checks.refuse("AMOUNT must be US dollars such as 25 or 2.50, got '" + text + "'");
      }
      if (usd.signum() <= 0 || usd.scale() > 6 || usd.compareTo(BigDecimal.valueOf(1_000_000))
          > 0) {
        throw checks.refuse("AMOUNT must be more than 0 and at most 1000000 dollars, with at "
            + "most 6 decimals, got '" + text + "'");
      }
      return usd.movePointRight(6).longValueExact();
    }
  }

  /** {@code reelmesh credits history TENANT}. */
  @Command(name = "history", mixinStandardHelpOptions = true,
      description = "A tenant's credits and their history, newest first; admin only.",
      footer = ExitCodes.HELP)
  static final class History extends Sub {
    @Parameters(index = "0", arity = "0..1", paramLabel = "TENANT", defaultValue = "local")
    String tenant;

    @Option(names = "--limit", defaultValue = "50", description = "Entries, 1-1000 (default "
        + "${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws Exception {
      Checks checks = checks();
      checks.range("--limit", limit, 1, 1000);
      String name = tenant(checks, tenant);
      PrintWriter out = spec.commandLine().getOut();
      try (Connection connection = access.open(parent.env)) {
        CreditAccount account = read(connection, name, limit);
        show(account, out);
        if (account.getHistoryCount() > 0) {
          out.printf("%n  %-19s %-12s %12s  %-22s %s%n", "time (UTC)", "kind", "amount", "job",
              "note");
          for (CreditEntry e : account.getHistoryList()) {
            out.printf(Locale.ROOT, "  %-19s %-12s %12s  %-22s %s%n",
                TIME.format(Instant.ofEpochSecond(e.getTime().getSeconds())), e.getKind(),
                Money.usd(e.getAmountMicros()), e.getJobId(), Money.cut(e.getNote()
                    + (e.getBy().isEmpty() ? "" : " (by " + e.getBy() + ")"), 60));
          }
        }
        out.flush();
      }
      return ExitCodes.OK;
    }
  }
}
