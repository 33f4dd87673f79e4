package dev.reelmesh.orchestrator.store;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Results of a job's finished steps, recorded before the job moves on. A resumed job runs its
 * stages again and every step that already has a result returns it instead of redoing (and
 * re-paying for) the work. A paid call's result is recorded with its charge, in one transaction
 * ({@link JobStore#settle}), so a restart never buys it again.
 */
public final class StepMemo {
  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,120}");
  private final JobStore store;
  private final String jobId;
  /** Told when a record cannot be read and is recomputed: that may mean paying again. */
  private volatile Consumer<String> onDamaged = key -> { };

  public StepMemo(JobStore store, String jobId) {
    this.store = store;
    this.jobId = jobId;
  }

  public void onDamaged(Consumer<String> listener) {
    this.onDamaged = listener;
  }

  /** The recorded result of {@code key}, or the computed one, recorded before it is returned. */
  public <T extends Message> T remember(String key, Parser<T> parser, Supplier<T> compute) {
    T known = find(key, parser);
    if (known != null) {
      return known;
    }
    T result = compute.get();
    put(key, result);
    return result;
  }

  public <T extends Message> T find(String key, Parser<T> parser) {
    byte[] bytes = store.step(jobId, check(key));
    if (bytes == null) {
      return null;
    }
    try {
      return parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      // A damaged record is recomputed rather than trusted, and said so: it may cost again.
      onDamaged.accept(key);
      return null;
    }
  }

  public void put(String key, Message result) {
    store.putStep(jobId, check(key), result.toByteArray());
  }

  /** Forgets every step whose key starts with {@code prefix} (regeneration). */
  public void forget(String prefix) {
    store.forgetSteps(jobId, prefix);
  }

  /** The key as the store keeps it; refused unless it is a plain step name. */
  public static String check(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("bad step key '" + key + "'");
    }
    return key;
  }
}
