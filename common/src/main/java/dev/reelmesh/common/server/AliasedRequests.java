package dev.reelmesh.common.server;

import com.google.protobuf.MessageLite;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.MethodDescriptor.PrototypeMarshaller;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rebinds chosen methods of a service so their requests are parsed by {@link AliasingMarshaller}.
 * Meant for services whose requests carry large {@code bytes} fields. Everything else about the
 * service (names, schema for reflection, handlers) is unchanged.
 */
public final class AliasedRequests {
  private AliasedRequests() {}

  /** {@code service}, bound with {@code methods} rebound; see {@link #rebind}. */
  public static BindableService of(BindableService service, Set<String> methods) {
    ServerServiceDefinition rebound = rebind(service.bindService(), methods);
    return () -> rebound;
  }

  /** {@code methods}: bare method names ("ScoreImages"); each must exist in {@code service}. */
  public static ServerServiceDefinition rebind(ServerServiceDefinition service, Set<String> methods) {
    ServiceDescriptor descriptor = service.getServiceDescriptor();
    Set<String> missing = new HashSet<>(methods);
    List<ServerMethodDefinition<?, ?>> rebound = new ArrayList<>();
    for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
      String name = method.getMethodDescriptor().getBareMethodName();
      rebound.add(missing.remove(name) ? alias(method) : method);
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(descriptor.getName() + " has no methods " + missing);
    }
    return withMethods(descriptor, rebound);
  }

  /**
   * {@code descriptor}'s service (same name, same schema for reflection) serving {@code methods}
   * instead: a rebound method has a new descriptor, so the service descriptor is rebuilt too.
   */
  static ServerServiceDefinition withMethods(ServiceDescriptor descriptor,
      List<ServerMethodDefinition<?, ?>> methods) {
    ServiceDescriptor.Builder newDescriptor = ServiceDescriptor.newBuilder(descriptor.getName())
        .setSchemaDescriptor(descriptor.getSchemaDescriptor());
    methods.forEach(m -> newDescriptor.addMethod(m.getMethodDescriptor()));
    ServerServiceDefinition.Builder out = ServerServiceDefinition.builder(newDescriptor.build());
    methods.forEach(out::addMethod);
    return out.build();
  }

  private static <Q, R> ServerMethodDefinition<Q, R> alias(ServerMethodDefinition<Q, R> method) {
    MethodDescriptor<Q, R> descriptor = method.getMethodDescriptor();
    if (!(descriptor.getRequestMarshaller() instanceof PrototypeMarshaller<Q> standard)
        || !(standard.getMessagePrototype() instanceof MessageLite)) {
      throw new IllegalArgumentException(descriptor.getFullMethodName()
          + " does not take protobuf requests");
    }
    return ServerMethodDefinition.create(
        descriptor.toBuilder().setRequestMarshaller(aliasing(standard)).build(),
        method.getServerCallHandler());
  }

  @SuppressWarnings({"unchecked", "rawtypes"}) // Q is a MessageLite, checked above
  private static <Q> MethodDescriptor.Marshaller<Q> aliasing(PrototypeMarshaller<Q> standard) {
    return new AliasingMarshaller(standard);
  }
}
