package dev.reelmesh.scoring;

import dev.reelmesh.common.server.ServiceMain;

/** Runs the scoring-service as its own process: {@code --port} (default 50053), health, reflection. */
public final class ScoringServiceMain {
  private ScoringServiceMain() {}

  public static void main(String[] args) {
    System.exit(ServiceMain.run("scoring-service", 50053, ScoringServices::create, args));
  }
}
