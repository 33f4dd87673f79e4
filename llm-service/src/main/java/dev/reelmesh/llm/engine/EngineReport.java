package dev.reelmesh.llm.engine;

/** Which engine answered; a fallback always carries its reason (never silent). */
public record EngineReport(String engine, String model, boolean fallback, String fallbackReason) {
  public static final String OFFLINE = "offline-template";
  public static final String OPENAI = "openai";

  public static EngineReport offline() {
    return new EngineReport(OFFLINE, "", false, "");
  }

  public static EngineReport fallback(String reason) {
    return new EngineReport(OFFLINE, "", true, reason);
  }
}
