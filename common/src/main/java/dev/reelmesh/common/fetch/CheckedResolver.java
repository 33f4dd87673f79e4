package dev.reelmesh.common.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The only name look-up a fetch makes, validated where it is made: the HTTP client connects to
 * exactly the addresses answered here (sending the name as Host and TLS SNI), so a name cannot
 * resolve to a public address for the check and to a private one for the connection (DNS
 * rebinding). Any private address among the answers refuses the host.
 */
final class CheckedResolver implements DnsResolver {
  /** A look-up answered with an address the policy does not allow. */
  static final class Refused extends UnknownHostException {
    final InetAddress address;

    Refused(String host, InetAddress address) {
      super(host + " resolves to the private address " + address.getHostAddress());
      this.address = address;
    }
  }

  /** The system resolver, or a fake one in tests. */
  interface Lookup {
    InetAddress[] all(String host) throws UnknownHostException;
  }

  private final Lookup lookup;
  private final boolean allowPrivate;
  private final Predicate<InetAddress> isPrivate;

  CheckedResolver(Lookup lookup, boolean allowPrivate, Predicate<InetAddress> isPrivate) {
    this.lookup = lookup;
    this.allowPrivate = allowPrivate;
    this.isPrivate = isPrivate;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    // A bracketed IPv6 literal is an address, not a name.
    String bare = host.startsWith("[") && host.endsWith("]")
        ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses = lookup.all(bare);
    if (!allowPrivate) {
      for (InetAddress address : addresses) {
        if (isPrivate.test(address)) {
          throw new Refused(host, address);
        }
      }
    }
    return addresses;
  }

  @Override
  public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
    return Arrays.stream(resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
  }

  @Override
  public String resolveCanonicalHostname(String host) {
    return host; // never a reverse look-up: the name the caller gave is the one checked
  }
}
