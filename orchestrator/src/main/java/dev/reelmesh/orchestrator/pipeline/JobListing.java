package dev.reelmesh.orchestrator.pipeline;

import dev.reelmesh.common.auth.Principal;
import dev.reelmesh.common.auth.Role;
import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.orchestrator.tenant.Tenants;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.ListJobsRequest;
import dev.reelmesh.v1.ListJobsResponse;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * ListJobs: the caller's tenant's jobs (an admin's: every tenant's, or the one it names), then
 * filters, then pages of newest-first jobs behind an opaque token.
 */
final class JobListing {
  private JobListing() {}

  /** The jobs {@code caller} may list; {@code tenant} narrows an admin's list to one tenant. */
  static List<Job> visible(Principal caller, List<Job> newestFirst, String tenant) {
    String wanted = tenant.strip();
    if (!caller.has(Role.ADMIN)) {
      if (!wanted.isEmpty() && !wanted.equals(caller.tenant())) {
        throw Status.PERMISSION_DENIED.withDescription("tenant: only an admin may list another "
            + "tenant's jobs; this token's tenant is '" + caller.tenant() + "'")
            .asRuntimeException();
      }
      wanted = caller.tenant();
    }
    if (wanted.isEmpty()) {
      return newestFirst;
    }
    String only = wanted;
    return newestFirst.stream().filter(j -> Tenants.of(j).equals(only)).toList();
  }

  static ListJobsResponse page(List<Job> newestFirst, ListJobsRequest request) {
    int size = request.getPageSize() == 0 ? 50 : request.getPageSize();
    if (size < 1 || size > 500) {
      throw Statuses.invalid("page_size", "must be in 1..500 (0 = 50), got "
          + request.getPageSize());
    }
    int offset = offset(request.getPageToken());
    String needle = request.getBriefContains().toLowerCase(Locale.ROOT);
    List<Job> matching = newestFirst.stream()
        .filter(j -> request.getStatesList().isEmpty()
            || request.getStatesList().contains(j.getState()))
        .filter(j -> needle.isEmpty()
            || j.getSpec().getBrief().toLowerCase(Locale.ROOT).contains(needle))
        .toList();
    int end = Math.min(matching.size(), offset + size);
    ListJobsResponse.Builder response = ListJobsResponse.newBuilder();
    if (offset < matching.size()) {
      response.addAllJobs(matching.subList(offset, end));
    }
    if (end < matching.size()) {
      response.setNextPageToken(token(end));
    }
    return response.build();
  }

  private static String token(int offset) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("o:" + offset).getBytes(StandardCharsets.UTF_8));
  }

  private static int offset(String token) {
    if (token.isEmpty()) {
      return 0;
    }
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (decoded.startsWith("o:")) {
        int offset = Integer.parseInt(decoded.substring(2));
        if (offset >= 0) {
          return offset;
        }
      }
    } catch (IllegalArgumentException e) {
      // falls through to the error below (NumberFormatException is an IllegalArgumentException)
    }
    throw Statuses.invalid("page_token", "not a token from a previous ListJobs response");
  }
}
