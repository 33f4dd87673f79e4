package dev.reelmesh.orchestrator.job;

import dev.reelmesh.orchestrator.store.StepMemo;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.Collection;
import java.util.List;

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

  /** Clip-prompt sets made so far beyond the first (an instruction rewrites some prompts). */
  public synchronized int prompts() {
    return get("prompts");
  }

  public synchronized int narration(int clip) {
    return get("narration-" + clip);
  }

  /** The clips whose prompts prompt-set {@code generation} rewrote (none for generation 0). */
  public synchronized List<Integer> revisedClips(int generation) {
    Value value = counters.getFieldsMap().get("revised-g" + generation);
    if (value == null) {
      return List.of();
    }
    return value.getListValue().getValuesList().stream().map(v -> (int) v.getNumberValue())
        .toList();
  }

  /**
   * Records a reworded regeneration: a new prompt set rewriting {@code promptClips}' prompts,
   * new narration for {@code narrationClips}, new frames for {@code frameClips}, new renders for
   * those and {@code renderClips}, and a new assembly run; persists.
   */
  public synchronized void revise(StepMemo memo, Collection<Integer> renderClips,
      Collection<Integer> frameClips, Collection<Integer> promptClips,
      Collection<Integer> narrationClips) {
    bump("prompts");
    ListValue.Builder revised = ListValue.newBuilder();
    promptClips.stream().sorted()
        .forEach(c -> revised.addValues(Value.newBuilder().setNumberValue(c)));
    counters.putFields("revised-g" + get("prompts"),
        Value.newBuilder().setListValue(revised).build());
    for (int clip : narrationClips) {
      bump("narration-" + clip);
    }
    regenerate(memo, renderClips.stream().filter(c -> !frameClips.contains(c)).toList(),
        frameClips);
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
