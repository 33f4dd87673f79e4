package dev.reelmesh.llm;

import dev.reelmesh.common.server.ServiceMain;

/** Runs the llm-service as its own process: {@code --port} (default 50052), health, reflection. */
public final class LlmServiceMain {
  private LlmServiceMain() {}

  public static void main(String[] args) {
    System.exit(ServiceMain.run("llm-service", 50052, LlmServices::create, args));
  }
}
