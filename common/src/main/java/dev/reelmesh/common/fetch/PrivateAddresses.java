package dev.reelmesh.common.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which addresses are not the public internet: loopback, private, link-local (the cloud metadata
 * service at 169.254.169.254), carrier-grade NAT, benchmark, multicast, reserved, IPv6 unique
 * local ({@code fc00::/7}) and site-local, and IPv6 forms that embed an IPv4 address (mapped
 * {@code ::ffff:0:0/96} and compatible {@code ::/96} always; NAT64 {@code 64:ff9b::/96} and
 * 6to4 {@code 2002::/16} by the IPv4 address they embed).
 */
public final class PrivateAddresses {
  private PrivateAddresses() {}

  public static boolean isPrivate(InetAddress address) {
    if (address.isLoopbackAddress() || address.isAnyLocalAddress()
        || address.isLinkLocalAddress() || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return privateV4(b, 0);
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return true; // fc00::/7 unique local
      }
      if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        return true; // IPv4-mapped: a public host has a plain address; this form only evades
      }
      if (zeros(b, 0, 12)) {
        return true; // ::/96 IPv4-compatible (deprecated), :: and ::1 included
      }
      if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
          && (b[3] & 0xff) == 0x9b && zeros(b, 4, 12)) {
        return privateV4(b, 12); // NAT64 well-known prefix
      }
      if (first == 0x20 && (b[1] & 0xff) == 0x02) {
        return privateV4(b, 2); // 6to4
      }
      return first == 0xff || (first == 0x01 && zeros(b, 1, 8)); // multicast, discard-only
    }
    return true;
  }

  private static boolean privateV4(byte[] b, int at) {
    int a = b[at] & 0xff;
    int c = b[at + 1] & 0xff;
    return a == 0 || a == 10 || a == 127 || a >= 224 // this network, private, loopback, multicast+
        || a == 169 && c == 254 // link-local, cloud metadata
        || a == 172 && c >= 16 && c <= 31
        || a == 192 && c == 168
        || a == 100 && c >= 64 && c <= 127 // carrier-grade NAT
        || a == 192 && c == 0 && (b[at + 2] & 0xff) == 0 // IETF protocol assignments
        || a == 198 && (c == 18 || c == 19); // benchmarking
  }

  private static boolean zeros(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
