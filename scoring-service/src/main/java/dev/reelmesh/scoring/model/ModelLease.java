package dev.reelmesh.scoring.model;

/** A request's hold on a serving version; close it when the request is done with the model. */
public final class ModelLease implements AutoCloseable {
  private final LoadedModel model;
  private boolean closed;

  ModelLease(LoadedModel model) {
    this.model = model;
  }

  public LoadedModel model() {
    return model;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      model.release();
    }
  }
}
