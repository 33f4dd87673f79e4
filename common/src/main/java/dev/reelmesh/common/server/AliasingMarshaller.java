package dev.reelmesh.common.server;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor.PrototypeMarshaller;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;

/**
 * A protobuf marshaller whose parsed {@code bytes} fields share one array with the received
 * message instead of each being copied out of it.
 *
 * <p>grpc-java's standard marshaller reads a message into a reused per-thread buffer and must then
 * copy every {@code bytes} field out of it. For requests made mostly of inline images (megabytes
 * per call) that second copy, and the garbage it makes, is a measurable part of a loopback call.
 * Here each message gets its own array, read once, and the fields alias it. Messages that arrive
 * as objects (the in-process transport) are handed over by the standard marshaller untouched.
 */
public final class AliasingMarshaller<T extends MessageLite> implements PrototypeMarshaller<T> {
  private final PrototypeMarshaller<T> standard;
  private final Parser<T> parser;

  public AliasingMarshaller(PrototypeMarshaller<T> standard) {
    this.standard = standard;
    @SuppressWarnings("unchecked") // a message's parser parses its own type
    Parser<T> p = (Parser<T>) standard.getMessagePrototype().getParserForType();
    this.parser = p;
  }

  @Override
  public InputStream stream(T value) {
    return standard.stream(value);
  }

  @Override
  public T parse(InputStream stream) {
    // Drainable streams are made by a marshaller in this JVM (in-process calls): the standard
    // marshaller returns the message object itself. Streams of unknown length are rare
    // (compressed messages); the standard path handles them.
    if (stream instanceof Drainable || !(stream instanceof KnownLength)) {
      return standard.parse(stream);
    }
    try {
      int size = stream.available();
      if (size == 0) {
        return getMessagePrototype(); // the empty message is the default instance
      }
      // One copy, straight into the message's own array (readNBytes would stage it in chunks).
      byte[] bytes = new byte[size];
      int read = 0;
      while (read < size) {
        int n = stream.read(bytes, read, size - read);
        if (n < 0) {
          throw new IOException("message ended after " + read + " of " + size + " bytes");
        }
        read += n;
      }
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      in.enableAliasing(true);
      in.setSizeLimit(Integer.MAX_VALUE); // the transport already enforced the message limit
      T message = parser.parseFrom(in);
      in.checkLastTagWas(0);
      return message;
    } catch (InvalidProtocolBufferException e) {
      throw Status.INVALID_ARGUMENT.withDescription("invalid protobuf byte sequence: "
          + e.getMessage())
          .withCause(e).asRuntimeException();
    } catch (IOException e) {
      throw Status.INTERNAL.withDescription("cannot read message: " + e.getMessage())
          .withCause(e).asRuntimeException();
    }
  }

  @Override
  public T getMessagePrototype() {
    return standard.getMessagePrototype();
  }

  @Override
  public Class<T> getMessageClass() {
    return standard.getMessageClass();
  }
}
