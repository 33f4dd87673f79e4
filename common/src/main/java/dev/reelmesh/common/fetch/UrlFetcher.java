package dev.reelmesh.common.fetch;

import dev.reelmesh.common.error.Statuses;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Locale;

/**
 * Fetches an image a request names by URL, within a {@link FetchPolicy}: http(s) only, allowed
 * hosts only (checked again at every redirect, at most 3), no private addresses unless allowed,
 * a size limit enforced while reading. Every refusal is a status naming the request field.
 */
public final class UrlFetcher {
  private static final int MAX_REDIRECTS = 3;
  private final FetchPolicy policy;
  private final HttpClient http;

  public UrlFetcher(FetchPolicy policy) {
    this.policy = policy;
    this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(policy.timeout()).build();
  }

  /** Checks {@code url} against the policy without fetching it (for validation at submit). */
  public URI check(String field, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw Statuses.invalid(field, "not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw Statuses.invalid(field, "only http(s) URLs with a host, got '" + url + "'");
    }
    if (!policy.enabled()) {
      throw Status.FAILED_PRECONDITION.withDescription(field + ": fetching images by URL is off "
          + "for this service; set " + FetchPolicy.ALLOW_VARIABLE + " to the hosts it may fetch "
          + "from, or send the bytes or an artifact").asRuntimeException();
    }
    if (!policy.allows(uri.getHost())) {
      throw Status.PERMISSION_DENIED.withDescription(field + ": host '" + uri.getHost()
          + "' is not in " + FetchPolicy.ALLOW_VARIABLE + " " + policy.allowedHosts())
          .asRuntimeException();
    }
    return uri;
  }

  /** The body of {@code url}, at most {@code maxBytes}. */
  public byte[] fetch(String field, String url, long maxBytes) {
    URI uri = check(field, url);
    for (int hop = 0; ; hop++) {
      checkAddresses(field, uri.getHost());
      HttpResponse<InputStream> response = send(field, uri);
      int code = response.statusCode();
      if (code >= 300 && code < 400 && response.headers().firstValue("location").isPresent()) {
        close(response);
        if (hop == MAX_REDIRECTS) {
          throw Status.FAILED_PRECONDITION.withDescription(field + ": more than "
              + MAX_REDIRECTS + " redirects from " + url).asRuntimeException();
        }
        uri = check(field, uri.resolve(response.headers().firstValue("location").get())
            .toString());
        continue;
      }
      if (code != 200) {
        close(response);
        Status status = code == 404 || code == 410 ? Status.NOT_FOUND
            : code >= 500 || code == 429 ? Status.UNAVAILABLE : Status.FAILED_PRECONDITION;
        throw status.withDescription(field + ": " + uri + " answered HTTP " + code)
            .asRuntimeException();
      }
      return read(field, uri, response, maxBytes);
    }
  }

  private void checkAddresses(String field, String host) {
    if (policy.allowPrivateAddresses()) {
      return;
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress()
            || address.isLinkLocalAddress() || address.isAnyLocalAddress()
            || address.isMulticastAddress()) {
          throw Status.PERMISSION_DENIED.withDescription(field + ": " + host + " resolves to "
              + "the private address " + address.getHostAddress() + "; set "
              + FetchPolicy.PRIVATE_VARIABLE + "=true to allow it").asRuntimeException();
        }
      }
    } catch (UnknownHostException e) {
      throw Status.NOT_FOUND.withDescription(field + ": unknown host " + host)
          .asRuntimeException();
    }
  }

  private HttpResponse<InputStream> send(String field, URI uri) {
    try {
      return http.send(HttpRequest.newBuilder(uri).timeout(policy.timeout()).GET().build(),
          HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw Status.DEADLINE_EXCEEDED.withDescription(field + ": " + uri + " did not answer in "
          + policy.timeout().toSeconds() + " s").asRuntimeException();
    } catch (IOException e) {
      throw Status.UNAVAILABLE.withDescription(field + ": cannot fetch " + uri + ": " + e)
          .asRuntimeException();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Status.CANCELLED.withDescription(field + ": interrupted").asRuntimeException();
    }
  }

  private static byte[] read(String field, URI uri, HttpResponse<InputStream> response,
      long maxBytes) {
    long declared = response.headers().firstValueAsLong("content-length").orElse(-1);
    if (declared > maxBytes) {
      close(response);
      throw tooBig(field, uri, maxBytes);
    }
    try (InputStream body = response.body()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] chunk = new byte[64 * 1024];
      long total = 0;
      for (int n; (n = body.read(chunk)) >= 0; ) {
        total += n;
        if (total > maxBytes) {
          throw tooBig(field, uri, maxBytes);
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw Status.UNAVAILABLE.withDescription(field + ": reading " + uri + " failed: " + e)
          .asRuntimeException();
    }
  }

  private static StatusRuntimeException tooBig(String field, URI uri, long max) {
    return Statuses.invalid(field, uri + " is larger than " + max + " bytes, the most fetched");
  }

  private static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException ignored) {
      // the answer is refused anyway
    }
  }
}
