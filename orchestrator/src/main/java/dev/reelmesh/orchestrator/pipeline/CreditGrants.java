package dev.reelmesh.orchestrator.pipeline;

import dev.reelmesh.common.auth.Principal;
import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.orchestrator.job.JobEngine;
import dev.reelmesh.v1.CreditAccount;
import dev.reelmesh.v1.GetCreditsRequest;
import dev.reelmesh.v1.GrantCreditsRequest;

/**
 * GrantCredits and GetCredits (admins only, by the auth interceptor's table): the requests
 * checked, then the store's credit accounts. Credits are micro-dollars, as the ledger.
 */
final class CreditGrants {
  /** One million USD: a grant past it is a typo (micro-dollars taken for dollars). */
  static final long MAX_GRANT_MICROS = 1_000_000_000_000L;
  static final int MAX_NOTE = 200;
  static final int MAX_HISTORY = 1000;

  private CreditGrants() {}

  static CreditAccount grant(JobEngine engine, Principal admin, GrantCreditsRequest request) {
    String tenant = tenant("tenant", request.getTenant());
    long micros = request.getAmountMicros();
    if (micros <= 0 || micros > MAX_GRANT_MICROS) {
      throw Statuses.invalid("amount_micros", "must be in 1.." + MAX_GRANT_MICROS
          + " (micro-dollars: 1,000,000 = 1 USD), got " + micros);
    }
    String note = request.getNote().strip();
    if (note.length() > MAX_NOTE) {
      throw Statuses.invalid("note", note.length() + " characters; at most " + MAX_NOTE);
    }
    return engine.ledger().store().grant(tenant, micros, admin.subject(), note);
  }

  static CreditAccount read(JobEngine engine, GetCreditsRequest request) {
    String tenant = tenant("tenant", request.getTenant());
    int limit = request.getHistoryLimit();
    if (limit < 0 || limit > MAX_HISTORY) {
      throw Statuses.invalid("history_limit", "must be in 0.." + MAX_HISTORY + " (0 = 50), got "
          + limit);
    }
    return engine.ledger().store().credits(tenant, limit == 0 ? 50 : limit);
  }

  static String tenant(String field, String value) {
    String tenant = value.strip();
    if (!Principal.isTenantName(tenant)) {
      throw Statuses.invalid(field, "must be a tenant name: 1-64 of a-z 0-9 . _ - starting "
          + "with a letter or digit, got '" + value + "'");
    }
    return tenant;
  }
}
