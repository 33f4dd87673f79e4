package dev.reelmesh.scoring.testing;

import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes one protobuf message field by field; nested messages are length-delimited bytes. */
final class ProtoWriter {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final CodedOutputStream out = CodedOutputStream.newInstance(bytes);

  ProtoWriter varint(int field, long value) {
    return write(() -> out.writeInt64(field, value));
  }

  ProtoWriter string(int field, String value) {
    return write(() -> out.writeString(field, value));
  }

  ProtoWriter bytes(int field, byte[] value) {
    return write(() -> out.writeByteArray(field, value));
  }

  ProtoWriter message(int field, ProtoWriter message) {
    return bytes(field, message.toByteArray());
  }

  ProtoWriter float32(int field, float value) {
    return write(() -> out.writeFloat(field, value));
  }

  byte[] toByteArray() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private ProtoWriter write(IoAction action) {
    try {
      action.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
