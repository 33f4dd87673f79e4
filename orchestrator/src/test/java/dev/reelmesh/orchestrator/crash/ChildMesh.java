package dev.reelmesh.orchestrator.crash;

import dev.reelmesh.orchestrator.store.JobStore;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A {@link CrashChild} JVM: started, killed (SIGKILL) or awaited; its output kept in a file. */
final class ChildMesh {
  private final Path dir;
  private final List<String> args;
  private final Path log;
  private Process process;
  volatile boolean killed;

  /** @param extra more {@link CrashChild} arguments (lease owner and period) */
  ChildMesh(Path dir, String url, String baseUrl, String... extra) {
    this.dir = dir;
    this.args = new ArrayList<>(List.of(dir.resolve("mesh").toString(), url, baseUrl));
    this.args.addAll(List.of(extra));
    this.log = dir.resolve("child.log");
  }

  /** The fake OpenAI the children call, answering with real media (an 8 s clip). */
  static dev.reelmesh.orchestrator.testing.FakeOpenAi fakeWithMedia(Path dir) throws Exception {
    var fake = dev.reelmesh.orchestrator.testing.FakeOpenAi.start();
    fake.png = dev.reelmesh.orchestrator.testing.TestMedia.png(96, 64);
    fake.wav = dev.reelmesh.orchestrator.testing.TestMedia.wav(1.0);
    try (var media = dev.reelmesh.orchestrator.testing.TestMesh.start(dir.resolve("media"))) {
      fake.mp4 = dev.reelmesh.orchestrator.testing.TestMedia.mp4(media, 8);
    }
    return fake;
  }

  void start() throws Exception {
    killed = false;
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), CrashChild.class.getName()));
    command.addAll(args);
    process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }

  synchronized void kill() {
    killed = true;
    process.destroyForcibly(); // SIGKILL: no shutdown hook, nothing flushed
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the child at the first event after {@code seen} that matches. */
  void killOnEvent(JobStore store, long seen, Predicate<JobEvent> match) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (process.isAlive() && System.nanoTime() < deadline) {
      List<Job> jobs = store.loadAll();
      if (!jobs.isEmpty() && store.events(jobs.get(0).getJobId(), seen, Integer.MAX_VALUE)
          .stream().anyMatch(match)) {
        kill();
        return;
      }
      Thread.sleep(5);
    }
  }

  void await() throws Exception {
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the child did not end; its log:\n" + output());
    }
  }

  String output() throws Exception {
    return Files.exists(log) ? Files.readString(log) : "";
  }
}
