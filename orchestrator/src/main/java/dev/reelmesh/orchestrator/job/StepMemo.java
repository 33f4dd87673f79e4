package dev.reelmesh.orchestrator.job;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Results of a job's finished steps, recorded before the job moves on. A resumed job runs its
 * stages again and every step that already has a result returns it instead of redoing (and
 * re-paying for) the work.
 */
public final class StepMemo {
  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,120}");
  private final Path dir;
  /** Told when a record cannot be read and is recomputed: that may mean paying again. */
  private volatile java.util.function.Consumer<String> onDamaged = key -> { };

  StepMemo(Path dir) {
    this.dir = dir;
  }

  void onDamaged(java.util.function.Consumer<String> listener) {
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
    Path file = file(key);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      return parser.parseFrom(Files.readAllBytes(file));
    } catch (InvalidProtocolBufferException e) {
      // A damaged record is recomputed rather than trusted, and said so: it may cost again.
      onDamaged.accept(key);
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read step " + key, e);
    }
  }

  public void put(String key, Message result) {
    try {
      Files.createDirectories(dir);
      JobStore.writeAtomically(file(key), result.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record step " + key, e);
    }
  }

  /** Forgets every step whose key starts with {@code prefix} (regeneration). */
  public void forget(String prefix) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.toList()) {
        if (file.getFileName().toString().startsWith(prefix)) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot forget steps " + prefix, e);
    }
  }

  private Path file(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("bad step key '" + key + "'");
    }
    return dir.resolve(key);
  }
}
