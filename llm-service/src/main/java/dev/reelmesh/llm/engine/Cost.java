package dev.reelmesh.llm.engine;

/** One priced item of work in integer micro-dollars (the domain side of CostLine). */
public record Cost(String stage, String provider, String item, double quantity, String unit,
    long estimatedMicros, long actualMicros) {}
