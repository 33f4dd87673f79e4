package dev.reelmesh.orchestrator.provider;

import java.util.concurrent.CancellationException;

/**
 * Why a run's Context is cancelled when the engine shuts down (not the user): work in flight at a
 * provider should carry on, since the next start re-attaches to it rather than paying again.
 */
public final class EngineStopping extends CancellationException {
  public EngineStopping() {
    super("engine stopping");
  }
}
