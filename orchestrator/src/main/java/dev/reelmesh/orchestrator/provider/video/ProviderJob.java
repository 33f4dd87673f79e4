package dev.reelmesh.orchestrator.provider.video;

import com.google.protobuf.StringValue;
import dev.reelmesh.orchestrator.job.StepMemo;
import dev.reelmesh.v1.CostLine;
import java.util.Optional;

/**
 * The step-memo records of one clip rendered by an asynchronous paid provider: the provider's job
 * id, recorded BEFORE polling so a restarted engine re-attaches instead of paying again, and the
 * charge, recorded once after the video is kept so a re-run never bills it twice.
 */
public record ProviderJob(StepMemo memo, String idKey, String chargedKey) {
  /** Keys {@code <step>-<provider>-<idName>} and {@code <step>-<provider>-charged}. */
  public static ProviderJob of(StepMemo memo, String stepKey, String provider, String idName) {
    return new ProviderJob(memo, stepKey + "-" + provider + "-" + idName,
        stepKey + "-" + provider + "-charged");
  }

  public Optional<String> recordedId() {
    StringValue known = memo.find(idKey, StringValue.parser());
    return known == null ? Optional.empty() : Optional.of(known.getValue());
  }

  public void recordId(String id) {
    memo.put(idKey, StringValue.of(id));
  }

  /** The provider's job ended badly: a retry submits anew (and is held anew). */
  public void forgetId() {
    memo.forget(idKey);
  }

  /** The recorded charge, or null while the clip has not been billed. */
  public CostLine charge() {
    return memo.find(chargedKey, CostLine.parser());
  }

  public void recordCharge(CostLine line) {
    memo.put(chargedKey, line);
  }
}
