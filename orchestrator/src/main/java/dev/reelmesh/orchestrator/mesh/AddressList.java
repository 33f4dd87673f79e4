package dev.reelmesh.orchestrator.mesh;

import io.grpc.Attributes;
import io.grpc.EquivalentAddressGroup;
import io.grpc.ManagedChannel;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.NameResolverRegistry;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A leaf service (llm, scoring, media) at several addresses, {@code host:port,host:port}: one
 * channel whose calls grpc-java balances round-robin over them. Leaf services keep no state, so
 * any replica answers any call.
 */
public final class AddressList {
  private static final String SCHEME = "reelmesh-list";

  static {
    NameResolverRegistry.getDefaultRegistry().register(new Provider());
  }

  private AddressList() {}

  /** A plaintext, round-robin channel over {@code list}; the caller shuts it down. */
  public static ManagedChannel channel(String list) {
    // Parsed first: a malformed list is refused here, with its words.
    String target = String.join(",", parse(list).stream()
        .map(a -> a.getHostString() + ":" + a.getPort()).toList());
    return NettyChannelBuilder.forTarget(SCHEME + ":///" + target)
        .defaultLoadBalancingPolicy("round_robin")
        .usePlaintext()
        .maxInboundMessageSize(64 << 20)
        // Calls to remote replicas are counted and carry the job's trace like in-process ones.
        .intercept(dev.reelmesh.common.observe.RpcObservation.client())
        .build();
  }

  static List<InetSocketAddress> parse(String list) {
    List<InetSocketAddress> addresses = new ArrayList<>();
    for (String part : list.split(",")) {
      String hostPort = part.strip();
      int colon = hostPort.lastIndexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("service address '" + hostPort + "' must be"
            + " host:port (a list is host:port,host:port)");
      }
      String host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
      int port;
      try {
        port = Integer.parseInt(hostPort.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("service address '" + hostPort + "': bad port");
      }
      addresses.add(InetSocketAddress.createUnresolved(host, port));
    }
    return addresses;
  }

  private static final class Provider extends NameResolverProvider {
    @Override
    protected boolean isAvailable() {
      return true;
    }

    @Override
    protected int priority() {
      return 5;
    }

    @Override
    public String getDefaultScheme() {
      return SCHEME;
    }

    @Override
    public NameResolver newNameResolver(URI target, NameResolver.Args args) {
      if (!SCHEME.equals(target.getScheme())) {
        return null;
      }
      List<InetSocketAddress> addresses = parse(target.getPath().substring(1));
      return new NameResolver() {
        @Override
        public String getServiceAuthority() {
          return addresses.get(0).getHostString();
        }

        @Override
        public void start(Listener2 listener) {
          List<EquivalentAddressGroup> groups = new ArrayList<>();
          for (InetSocketAddress address : addresses) {
            // Resolved here (not at parse): a host that comes up later is found on refresh.
            SocketAddress resolved = new InetSocketAddress(address.getHostString(),
                address.getPort());
            groups.add(new EquivalentAddressGroup(resolved));
          }
          listener.onResult(ResolutionResult.newBuilder().setAddresses(groups)
              .setAttributes(Attributes.EMPTY).build());
        }

        @Override
        public void shutdown() {}
      };
    }
  }
}
