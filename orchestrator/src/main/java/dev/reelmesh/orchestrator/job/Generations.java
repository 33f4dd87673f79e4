package dev.reelmesh.orchestrator.job;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;

/**
 * How many times each clip's frames and render were regenerated, and how many assembly runs the
 * job had. They are part of step keys (and seeds), so a regeneration recomputes exactly the
 * steps it names while every other step keeps its recorded result.
 */
public final class Generations {
  static final String KEY = "generations";
  private final Struct.Builder counters;

  private Generations(Struct counters) {
    this.counters = counters.toBuilder();
  }

  public static Generations load(StepMemo memo) {
    Struct known = memo.find(KEY, Struct.parser());
    return new Generations(known == null ? Struct.getDefaultInstance() : known);
  }

  public synchronized int frames(int clip) {
    return get("frames-" + clip);
  }

  public synchronized int clip(int clip) {
    return get("clip-" + clip);
  }

  public synchronized int run() {
    return get("run");
  }

  /** Bumps the named clips (and their frames when asked) and the assembly run; persists. */
  public synchronized void regenerate(StepMemo memo, Iterable<Integer> clips,
      Iterable<Integer> frameClips) {
    for (int clip : clips) {
      bump("clip-" + clip);
    }
    for (int clip : frameClips) {
      bump("frames-" + clip);
      bump("clip-" + clip);
    }
    bump("run");
    memo.put(KEY, counters.build());
  }

  private int get(String key) {
    Value value = counters.getFieldsMap().get(key);
    return value == null ? 0 : (int) value.getNumberValue();
  }

  private void bump(String key) {
    counters.putFields(key, Value.newBuilder().setNumberValue(get(key) + 1).build());
  }
}
