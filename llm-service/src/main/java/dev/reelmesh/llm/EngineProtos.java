package dev.reelmesh.llm;

import dev.reelmesh.llm.engine.Cost;
import dev.reelmesh.llm.engine.EngineReport;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.EngineInfo;
import java.util.List;

/** EngineInfo and CostLine at the edge; elapsed time is the RPC's own wall time. */
final class EngineProtos {
  private EngineProtos() {}

  static EngineInfo info(EngineReport r, long startNanos) {
    return EngineInfo.newBuilder().setEngine(r.engine()).setModel(r.model())
        .setFallback(r.fallback()).setFallbackReason(r.fallbackReason())
        .setElapsedMs((System.nanoTime() - startNanos) / 1e6).build();
  }

  static List<CostLine> costs(List<Cost> costs) {
    return costs.stream().map(c -> CostLine.newBuilder().setStage(c.stage()).setProvider(c.provider())
        .setItem(c.item()).setQuantity(c.quantity()).setUnit(c.unit())
        .setEstimatedMicros(c.estimatedMicros()).setActualMicros(c.actualMicros()).build()).toList();
  }
}
