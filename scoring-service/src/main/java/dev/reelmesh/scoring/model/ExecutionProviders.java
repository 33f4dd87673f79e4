package dev.reelmesh.scoring.model;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;

/**
 * Picks the execution provider: CUDA when the onnxruntime_gpu build is on the classpath and a GPU
 * answers, else CPU. The choice (and why CUDA was not used) is reported per model version.
 */
final class ExecutionProviders {
  private ExecutionProviders() {}

  /** Adds CUDA to {@code options} when possible; returns the provider name in use. */
  static String configure(OrtSession.SessionOptions options) {
    if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
      return "cpu";
    }
    try {
      options.addCUDA(0);
      return "cuda";
    } catch (OrtException | RuntimeException e) {
      // The GPU build is present but no usable device: CPU, and say so in the version info.
      return "cpu (cuda unavailable: " + e.getMessage() + ")";
    }
  }
}
