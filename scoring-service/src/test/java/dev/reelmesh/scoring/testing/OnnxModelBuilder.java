package dev.reelmesh.scoring.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds ONNX models in Java by writing the ONNX protobuf directly (IR 8, opset 17), so tests need
 * no Python and no download. Field numbers follow onnx/onnx.proto: ModelProto ir_version 1,
 * producer_name 2, graph 7, opset_import 8; GraphProto node 1, name 2, initializer 5, input 11,
 * output 12; NodeProto input 1, output 2, name 3, op_type 4, attribute 5; AttributeProto name 1,
 * f 2, i 3, ints 8, type 20; TensorProto dims 1, data_type 2, name 8, raw_data 9;
 * ValueInfoProto name 1, type 2; TypeProto tensor_type 1; TypeProto.Tensor elem_type 1, shape 2;
 * TensorShapeProto dim 1; Dimension dim_value 1, dim_param 2; ModelProto metadata_props 14,
 * StringStringEntryProto key 1, value 2.
 */
public final class OnnxModelBuilder {
  public static final int FLOAT = 1;
  public static final int INT8 = 3;
  public static final int INT32 = 6;
  public static final int INT64 = 7;
  private static final int ATTR_FLOAT = 1;
  private static final int ATTR_INT = 2;
  private static final int ATTR_INTS = 7;

  private final String name;
  private final List<ProtoWriter> nodes = new ArrayList<>();
  private final List<ProtoWriter> initializers = new ArrayList<>();
  private final List<ProtoWriter> inputs = new ArrayList<>();
  private final List<ProtoWriter> outputs = new ArrayList<>();
  private final List<ProtoWriter> metadata = new ArrayList<>();
  private int nodeCount;

  public OnnxModelBuilder(String name) {
    this.name = name;
  }

  /** A graph input; a dimension of -1 is dynamic ("batch"). */
  public OnnxModelBuilder input(String tensor, int elemType, long... dims) {
    inputs.add(valueInfo(tensor, elemType, dims));
    return this;
  }

  public OnnxModelBuilder output(String tensor, int elemType, long... dims) {
    outputs.add(valueInfo(tensor, elemType, dims));
    return this;
  }

  /** A float32 constant, stored as little-endian raw_data. */
  public OnnxModelBuilder floats(String tensor, float[] data, long... dims) {
    ByteBuffer raw = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (float f : data) {
      raw.putFloat(f);
    }
    ProtoWriter t = new ProtoWriter();
    for (long d : dims) {
      t.varint(1, d);
    }
    t.varint(2, FLOAT).string(8, tensor).bytes(9, raw.array());
    initializers.add(t);
    return this;
  }

  /** An int64 constant (shapes, axes). */
  public OnnxModelBuilder longs(String tensor, long[] data, long... dims) {
    ByteBuffer raw = ByteBuffer.allocate(data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (long l : data) {
      raw.putLong(l);
    }
    ProtoWriter t = new ProtoWriter();
    for (long d : dims) {
      t.varint(1, d);
    }
    t.varint(2, INT64).string(8, tensor).bytes(9, raw.array());
    initializers.add(t);
    return this;
  }

  /** An int8 constant (quantised weights, zero points); no dims = a scalar. */
  public OnnxModelBuilder int8s(String tensor, byte[] data, long... dims) {
    ProtoWriter t = new ProtoWriter();
    for (long d : dims) {
      t.varint(1, d);
    }
    t.varint(2, INT8).string(8, tensor).bytes(9, data);
    initializers.add(t);
    return this;
  }

  /** A metadata_props entry, which ONNX Runtime reports as custom metadata. */
  public OnnxModelBuilder metadata(String key, String value) {
    metadata.add(new ProtoWriter().string(1, key).string(2, value));
    return this;
  }

  /** A node; attributes as alternating name, value (Long, Float or long[]). */
  public OnnxModelBuilder node(String opType, List<String> in, List<String> out, Object... attrs) {
    ProtoWriter n = new ProtoWriter();
    in.forEach(i -> n.string(1, i));
    out.forEach(o -> n.string(2, o));
    n.string(3, opType + "_" + nodeCount++).string(4, opType);
    for (int i = 0; i < attrs.length; i += 2) {
      ProtoWriter a = new ProtoWriter().string(1, (String) attrs[i]);
      Object v = attrs[i + 1];
      if (v instanceof Long l) {
        a.varint(3, l).varint(20, ATTR_INT);
      } else if (v instanceof Float f) {
        a.float32(2, f).varint(20, ATTR_FLOAT);
      } else if (v instanceof long[] ints) {
        for (long x : ints) {
          a.varint(8, x);
        }
        a.varint(20, ATTR_INTS);
      } else {
        throw new IllegalArgumentException("unsupported attribute " + v);
      }
      n.message(5, a);
    }
    nodes.add(n);
    return this;
  }

  public byte[] build() {
    ProtoWriter graph = new ProtoWriter();
    nodes.forEach(n -> graph.message(1, n));
    graph.string(2, name);
    initializers.forEach(t -> graph.message(5, t));
    inputs.forEach(i -> graph.message(11, i));
    outputs.forEach(o -> graph.message(12, o));
    ProtoWriter model = new ProtoWriter()
        .varint(1, 8)
        .string(2, "reelmesh-tests")
        .message(7, graph)
        .message(8, new ProtoWriter().string(1, "").varint(2, 17));
    metadata.forEach(m -> model.message(14, m));
    return model.toByteArray();
  }

  private static ProtoWriter valueInfo(String tensor, int elemType, long... dims) {
    ProtoWriter shape = new ProtoWriter();
    for (long d : dims) {
      shape.message(1, d < 0 ? new ProtoWriter().string(2, "batch")
          : new ProtoWriter().varint(1, d));
    }
    ProtoWriter tensorType = new ProtoWriter().varint(1, elemType).message(2, shape);
    return new ProtoWriter().string(1, tensor).message(2, new ProtoWriter().message(1, tensorType));
  }
}
