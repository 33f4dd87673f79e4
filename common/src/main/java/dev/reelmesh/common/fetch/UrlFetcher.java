package dev.reelmesh.common.fetch;

import dev.reelmesh.common.error.Statuses;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Fetches an image a request names by URL, within a {@link FetchPolicy}: http(s) only, allowed
 * hosts only (checked again at every redirect, at most 3), no private addresses unless allowed,
 * a size limit enforced while reading. Every refusal is a status naming the request field.
 *
 * <p>The addresses checked are the addresses connected to: one look-up per connection, validated
 * in {@link CheckedResolver}, with no proxy, no retry, no cookies and no reuse of a connection
 * made for another host.
 */
public final class UrlFetcher {
  private static final int MAX_REDIRECTS = 3;
  private final FetchPolicy policy;
  private final CloseableHttpClient http;

  public UrlFetcher(FetchPolicy policy) {
    this(policy, InetAddress::getAllByName, PrivateAddresses::isPrivate);
  }

  /**
   * With a look-up and a notion of private of our own (tests: names that resolve where a test
   * says, a loopback server that stands for a public one).
   */
  UrlFetcher(FetchPolicy policy, CheckedResolver.Lookup lookup,
      java.util.function.Predicate<InetAddress> isPrivate) {
    this.policy = policy;
    Timeout timeout = Timeout.of(policy.timeout());
    this.http = HttpClients.custom()
        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
            .setDnsResolver(new CheckedResolver(lookup, policy.allowPrivateAddresses(), isPrivate))
            .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                .setSocketTimeout(timeout).build())
            .build())
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
        .disableRedirectHandling() // each hop is checked here
        .disableAutomaticRetries()
        .disableCookieManagement()
        .disableAuthCaching()
        .build();
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
      try (ClassicHttpResponse response = send(field, uri)) {
        int code = response.getCode();
        Header location = response.getFirstHeader("Location");
        if (code >= 300 && code < 400 && location != null) {
          if (hop == MAX_REDIRECTS) {
            throw Status.FAILED_PRECONDITION.withDescription(field + ": more than "
                + MAX_REDIRECTS + " redirects from " + url).asRuntimeException();
          }
          uri = check(field, uri.resolve(location.getValue()).toString());
          continue;
        }
        if (code != 200) {
          Status status = code == 404 || code == 410 ? Status.NOT_FOUND
              : code >= 500 || code == 429 ? Status.UNAVAILABLE : Status.FAILED_PRECONDITION;
          throw status.withDescription(field + ": " + uri + " answered HTTP " + code)
              .asRuntimeException();
        }
        return read(field, uri, response.getEntity(), maxBytes);
      } catch (IOException e) {
        throw Status.UNAVAILABLE.withDescription(field + ": reading " + uri + " failed: " + e)
            .asRuntimeException();
      }
    }
  }

  private ClassicHttpResponse send(String field, URI uri) {
    try {
      // executeOpen hands the response over unconsumed: the body is read under the limit.
      return http.executeOpen(null, new HttpGet(uri), null);
    } catch (CheckedResolver.Refused e) {
      throw Status.PERMISSION_DENIED.withDescription(field + ": " + e.getMessage() + "; set "
          + FetchPolicy.PRIVATE_VARIABLE + "=true to allow it").asRuntimeException();
    } catch (UnknownHostException e) {
      throw Status.NOT_FOUND.withDescription(field + ": unknown host " + uri.getHost())
          .asRuntimeException();
    } catch (SocketTimeoutException e) { // connect and read timeouts both
      throw Status.DEADLINE_EXCEEDED.withDescription(field + ": " + uri + " did not answer in "
          + policy.timeout().toSeconds() + " s").asRuntimeException();
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      throw Status.CANCELLED.withDescription(field + ": interrupted").asRuntimeException();
    } catch (IOException e) {
      throw Status.UNAVAILABLE.withDescription(field + ": cannot fetch " + uri + ": " + e)
          .asRuntimeException();
    }
  }

  private static byte[] read(String field, URI uri, HttpEntity entity, long maxBytes)
      throws IOException {
    if (entity == null) {
      return new byte[0];
    }
    if (entity.getContentLength() > maxBytes) {
      throw tooBig(field, uri, maxBytes);
    }
    try (InputStream body = entity.getContent()) {
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
    }
  }

  private static StatusRuntimeException tooBig(String field, URI uri, long max) {
    return Statuses.invalid(field, uri + " is larger than " + max + " bytes, the most fetched");
  }
}
