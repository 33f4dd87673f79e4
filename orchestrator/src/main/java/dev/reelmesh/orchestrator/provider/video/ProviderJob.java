package dev.reelmesh.orchestrator.provider.video;

import com.google.protobuf.StringValue;
import dev.reelmesh.orchestrator.store.StepMemo;
import java.util.Optional;

/**
 * The provider's job id for one clip rendered by an asynchronous paid provider. Video providers
 * bill at creation, so the id is recorded with the clip's charge in one transaction (the hold's
 * settle) right after the create call: a restarted engine re-attaches to it instead of paying
 * again, and a clip with a recorded id has been charged.
 */
public record ProviderJob(StepMemo memo, String idKey) {
  /** Key {@code <step>-<provider>-<idName>}. */
  public static ProviderJob of(StepMemo memo, String stepKey, String provider, String idName) {
    return new ProviderJob(memo, stepKey + "-" + provider + "-" + idName);
  }

  public Optional<String> recordedId() {
    StringValue known = memo.find(idKey, StringValue.parser());
    return known == null ? Optional.empty() : Optional.of(known.getValue());
  }

  /** What the create call's settle records. */
  public static StringValue record(String id) {
    return StringValue.of(id);
  }

  /** The provider's job ended badly: a retry submits anew (and is held and charged anew). */
  public void forgetId() {
    memo.forget(idKey);
  }
}
