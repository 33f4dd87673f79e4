package dev.reelmesh.orchestrator.provider.speech;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Offline narration through espeak-ng, when it is on PATH. */
public final class EspeakSpeechProvider implements SpeechProvider {
  private final Path executable;

  public EspeakSpeechProvider(Path executable) {
    this.executable = executable;
  }

  /** espeak-ng from PATH, or a provider that reports it is missing. */
  public static EspeakSpeechProvider fromPath(String path) {
    for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "espeak-ng"))) {
        return new EspeakSpeechProvider(Path.of(dir, "espeak-ng"));
      }
    }
    return new EspeakSpeechProvider(null);
  }

  @Override
  public String name() {
    return "espeak";
  }

  @Override
  public Optional<String> unavailableReason() {
    return executable == null
        ? Optional.of("espeak-ng is not on PATH (apt-get install espeak-ng); captions only")
        : Optional.empty();
  }

  @Override
  public void speak(String text, Path wav) throws IOException, InterruptedException {
    if (executable == null) {
      throw new IllegalStateException(unavailableReason().orElseThrow());
    }
    Files.createDirectories(wav.getParent());
    // Text goes on stdin, never the command line: no quoting issues, no option injection.
    Process process = new ProcessBuilder(List.of(executable.toString(), "-v", "en-us", "-s", "155",
        "-w", wav.toString(), "--stdin"))
        .redirectErrorStream(true)
        .start();
    try {
      process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        throw new IOException("espeak-ng did not finish in 60 s");
      }
      if (process.exitValue() != 0 || !Files.isRegularFile(wav) || Files.size(wav) < 100) {
        throw new IOException("espeak-ng failed (exit " + process.exitValue() + "): "
            + output.strip());
      }
    } finally {
      process.destroyForcibly();
    }
  }
}
