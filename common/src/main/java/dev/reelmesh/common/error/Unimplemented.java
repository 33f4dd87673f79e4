package dev.reelmesh.common.error;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The answer of an RPC whose behaviour is not built yet. It names what is missing so a caller
 * knows it is a gap, not a failure of their request. Nothing pretends.
 */
public final class Unimplemented {
  private Unimplemented() {}

  public static StatusRuntimeException rpc(String rpc, String missing) {
    return Status.UNIMPLEMENTED
        .withDescription(rpc + " is not built yet: " + missing)
        .asRuntimeException();
  }
}
