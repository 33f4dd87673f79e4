package dev.reelmesh.scoring.model;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small helpers around ONNX Runtime tensors; every native handle is closed where it is made. */
final class OnnxTensors {
  private OnnxTensors() {}

  static OnnxTensor floats(OrtEnvironment env, float[] data, long... shape) throws OrtException {
    return OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
  }

  static OnnxTensor longs(OrtEnvironment env, long[] data, long... shape) throws OrtException {
    return OnnxTensor.createTensor(env, LongBuffer.wrap(data), shape);
  }

  /** Reads a float output of shape [n, d] (or [n]) as n rows. */
  static float[][] rows(OrtSession.Result result, String name) {
    OnnxValue value = result.get(name).orElseThrow(() ->
        new IllegalStateException("model produced no output '" + name + "'"));
    if (!(value instanceof OnnxTensor tensor)) {
      throw new IllegalStateException("output '" + name + "' is not a tensor");
    }
    long[] shape = tensor.getInfo().getShape();
    FloatBuffer buffer = tensor.getFloatBuffer();
    int n = shape.length == 0 ? 1 : (int) shape[0];
    int d = n == 0 ? 0 : buffer.remaining() / n;
    float[][] out = new float[n][d];
    for (int i = 0; i < n; i++) {
      buffer.get(out[i]);
    }
    return out;
  }

  static long[] shape(OrtSession.Result result, String name) {
    return ((OnnxTensor) result.get(name).orElseThrow()).getInfo().getShape();
  }

  static List<TensorSpec> specs(Map<String, NodeInfo> infos) {
    List<TensorSpec> out = new ArrayList<>();
    for (NodeInfo node : infos.values()) {
      if (node.getInfo() instanceof TensorInfo t) {
        out.add(new TensorSpec(node.getName(), elementType(t),
            Arrays.stream(t.getShape()).boxed().toList()));
      } else {
        out.add(new TensorSpec(node.getName(), node.getInfo().getClass().getSimpleName(), List.of()));
      }
    }
    return out;
  }

  private static String elementType(TensorInfo t) {
    return switch (t.type) {
      case FLOAT -> "float32";
      case DOUBLE -> "float64";
      default -> t.type.name().toLowerCase(Locale.ROOT);
    };
  }
}
