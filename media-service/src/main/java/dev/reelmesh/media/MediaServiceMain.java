package dev.reelmesh.media;

import dev.reelmesh.common.server.ServiceMain;

/** Runs the media-service as its own process: {@code --port} (default 50054), health, reflection. */
public final class MediaServiceMain {
  private MediaServiceMain() {}

  public static void main(String[] args) {
    System.exit(ServiceMain.run("media-service", 50054, MediaServices::create, args));
  }
}
