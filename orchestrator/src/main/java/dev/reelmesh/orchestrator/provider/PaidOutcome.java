package dev.reelmesh.orchestrator.provider;

import com.google.protobuf.StringValue;
import dev.reelmesh.orchestrator.store.StepMemo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a settled paid call produced (files under the artifact root), recorded in the same
 * transaction as its charge: a re-run of the step finds it and reuses the files instead of
 * buying them again. Keyed by the call's output, which names the job, clip and generation.
 */
public final class PaidOutcome {
  private final StepMemo memo;
  private final String key;

  private PaidOutcome(StepMemo memo, String key) {
    this.memo = memo;
    this.key = key;
  }

  /** The outcome of the call that writes {@code output} ({@code kind}: "image", "speech"). */
  public static PaidOutcome of(StepMemo memo, String kind, Path output) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(output.toAbsolutePath().normalize().toString()
              .getBytes(StandardCharsets.UTF_8));
      return new PaidOutcome(memo, "paid-" + kind + "-"
          + HexFormat.of().formatHex(hash).substring(0, 24));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public String key() {
    return key;
  }

  /** The files a settled call wrote, when it was settled and they are all still there. */
  public Optional<List<Path>> files() {
    StringValue known = memo.find(key, StringValue.parser());
    if (known == null) {
      return Optional.empty();
    }
    List<Path> files = Arrays.stream(known.getValue().split("\n")).map(Path::of).toList();
    return files.stream().allMatch(Files::isRegularFile) ? Optional.of(files) : Optional.empty();
  }

  /** The record {@link Spend.Hold#settle} commits with the charge. */
  public static StringValue record(List<Path> files) {
    return StringValue.of(String.join("\n", files.stream().map(p -> p.toAbsolutePath()
        .normalize().toString()).toList()));
  }
}
