package dev.reelmesh.scoring.model;

/** Hears a model's readiness change (KServe's model ready: some version loaded and warm). */
public interface ReadinessListener {
  ReadinessListener NONE = new ReadinessListener() {
    @Override
    public void changed(String model, boolean ready) {}

    @Override
    public void removed(String model) {}
  };

  void changed(String model, boolean ready);

  /** The model left the repository. */
  void removed(String model);
}
