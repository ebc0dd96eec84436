package io.chaosfn.activity.http;

import io.chaosfn.activity.ActivityFailedException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Refuses hosts that resolve to link-local or instance-metadata addresses, before any connection is made.
 *
 * <p>The check resolves the host itself; the connection that follows resolves it again through the JDK's
 * address cache (30 s for successful look-ups by default), so both see the same addresses unless the cache is
 * disabled. Every redirect hop is checked the same way.
 */
final class AddressGuard {
  private static final byte[] EC2_METADATA_IPV6 = parse("fd00:ec2::254");

  private final boolean allowLinkLocal;

  AddressGuard(boolean allowLinkLocal) {
    this.allowLinkLocal = allowLinkLocal;
  }

  void check(URI uri, String displayUrl) {
    if (allowLinkLocal) {
      return;
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      // The connection attempt reports it, with the retries max_retries asks for.
      return;
    }
    for (InetAddress address : addresses) {
      if (refused(address)) {
        throw new ActivityFailedException("refused to connect to " + displayUrl + ": " + uri.getHost()
            + " resolves to " + address.getHostAddress()
            + ", a link-local or instance-metadata address, which this deployment does not allow");
      }
    }
  }

  static boolean refused(InetAddress address) {
    return address.isLinkLocalAddress() || java.util.Arrays.equals(address.getAddress(), EC2_METADATA_IPV6);
  }

  private static byte[] parse(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("not an address literal: " + literal, e);
    }
  }
}
