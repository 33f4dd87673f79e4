package dev.reelmesh.common.testing;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * Sends arbitrary bytes as the request of a unary method, as a hostile or broken client would:
 * malformed protobuf, invalid UTF-8, oversized messages. Answers the response bytes.
 */
public final class RawCalls {
  private static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      };

  private RawCalls() {}

  /** {@code fullMethod}: "reelmesh.v1.LlmService/PlanScript". Throws the call's status. */
  public static byte[] unary(Channel channel, String fullMethod, byte[] request)
      throws StatusRuntimeException {
    MethodDescriptor<byte[], byte[]> method = MethodDescriptor.<byte[], byte[]>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(fullMethod)
        .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
    return ClientCalls.blockingUnaryCall(channel, method,
        CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), request);
  }

  /** A string field (number {@code field}) holding bytes that are not UTF-8 (0xC3 0x28). */
  public static byte[] invalidUtf8Field(int field) {
    return new byte[] {(byte) (field << 3 | 2), 2, (byte) 0xC3, 0x28};
  }

  /**
   * A string field inside nested message fields: {@code path} = outer field numbers, then the
   * string's (e.g. ProbeRequest.media(1) → ArtifactRef.uri(1): {@code 1, 1}).
   */
  public static byte[] invalidUtf8At(int... path) {
    byte[] inner = invalidUtf8Field(path[path.length - 1]);
    for (int i = path.length - 2; i >= 0; i--) {
      byte[] outer = new byte[inner.length + 2];
      outer[0] = (byte) (path[i] << 3 | 2);
      outer[1] = (byte) inner.length;
      System.arraycopy(inner, 0, outer, 2, inner.length);
      inner = outer;
    }
    return inner;
  }

  /** Not a protobuf message at all: a field header whose length runs past the end. */
  public static byte[] truncated() {
    return new byte[] {0x0A, 0x7F, 'a', 'b'};
  }
}
