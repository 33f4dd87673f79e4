package dev.reelmesh.orchestrator.crash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.provider.openai.PriceTable;
import dev.reelmesh.orchestrator.store.Database;
import dev.reelmesh.orchestrator.store.JobStore;
import dev.reelmesh.orchestrator.testing.FakeOpenAi;
import dev.reelmesh.orchestrator.testing.FakeOpenAi.Kill;
import dev.reelmesh.orchestrator.testing.TestDatabase;
import dev.reelmesh.v1.Budget;
import dev.reelmesh.v1.CostLine;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobEvent;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.Stage;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mesh as a child JVM, SIGKILLed at 15 points of one job (paid calls in flight for images,
 * video create and speech; just after a chat, an image edit, a video create and a speech
 * answered; during polling, download and assembly), restarted after each. The job finishes; a
 * paid call is made again only when it was in flight at a kill; the ledger equals what the fake
 * billed plus the unreconciled holds; the bill equals its charges, and the report names every
 * unreconciled one.
 */
class CrashHarnessTest {
  @TempDir Path dir;

  /** A kill: at the n-th request to an endpoint (counted across restarts), or at an event. */
  record Point(String name, String endpoint, int nth, Kill kill, Predicate<JobEvent> event) {
    static Point at(String name, String endpoint, int nth, Kill kill) {
      return new Point(name, endpoint, nth, kill, null);
    }

    static Point on(String name, Predicate<JobEvent> event) {
      return new Point(name, null, 0, Kill.NONE, event);
    }
  }

  /** The second chat: a frame's enhancement (the first is the plan). */
  static final String CHAT_KILLED = "just after a chat answered, before it is recorded";
  static final int CHAT_KILLED_NTH = 2;

  static final List<Point> POINTS = List.of(
      Point.on("running, nothing paid yet", e -> e.getState() == JobState.JOB_STATE_RUNNING),
      Point.at(CHAT_KILLED, FakeOpenAi.CHAT, CHAT_KILLED_NTH, Kill.AFTER_RESPONSE),
      Point.at("image generate in flight", FakeOpenAi.GENERATIONS, 1, Kill.BEFORE_RESPONSE),
      Point.at("image edit in flight", FakeOpenAi.EDITS, 1, Kill.BEFORE_RESPONSE),
      Point.at("just after an image edit answered", FakeOpenAi.EDITS, 3, Kill.AFTER_RESPONSE),
      Point.on("clips stage begins", e -> e.getStage() == Stage.STAGE_CLIPS),
      Point.at("video create in flight", FakeOpenAi.VIDEOS, 1, Kill.BEFORE_RESPONSE),
      Point.at("video polling", FakeOpenAi.VIDEO_STATUS, 1, Kill.AFTER_RESPONSE),
      Point.at("video download half done", FakeOpenAi.VIDEO_CONTENT, 1, Kill.MID_BODY),
      Point.at("second video create in flight", FakeOpenAi.VIDEOS, 3, Kill.BEFORE_RESPONSE),
      // Clip 2's create again (the one before died unanswered): its id may or may not have been
      // recorded with its charge when the kill lands; either way it is paid for once or held.
      Point.at("just after a video create answered", FakeOpenAi.VIDEOS, 4, Kill.AFTER_RESPONSE),
      Point.at("speech in flight", FakeOpenAi.SPEECH, 1, Kill.BEFORE_RESPONSE),
      Point.at("just after speech answered", FakeOpenAi.SPEECH, 3, Kill.AFTER_RESPONSE),
      Point.on("assembly begins", e -> e.getStage() == Stage.STAGE_ASSEMBLE),
      Point.on("assembly mixed", e -> e.getMessage().startsWith("mixed:")));

  @Test
  void killedAtEveryPointTheJobFinishesAndTheMoneyIsExact() throws Exception {
    String url = TestDatabase.fresh();
    try (FakeOpenAi fake = ChildMesh.fakeWithMedia(dir); Database db = Database.shared(url)) {
      JobStore store = db.store();
      ChildMesh child = new ChildMesh(dir, url, fake.baseUrl());
      int point = 0;
      int beforeResponseKills = 0;
      int afterResponseKills = 0;
      while (true) {
        Point next = point < POINTS.size() ? POINTS.get(point) : null;
        fake.crashes = next == null || next.endpoint() == null ? null : new FakeOpenAi.Crashes() {
          @Override
          public Kill at(String endpoint, int nth) {
            return endpoint.equals(next.endpoint()) && nth == next.nth() ? next.kill()
                : Kill.NONE;
          }

          @Override
          public void kill() {
            child.kill();
          }
        };
        long seen = lastSequence(store);
        child.start();
        if (next != null && next.event() != null) {
          child.killOnEvent(store, seen, next.event());
        }
        child.await();
        if (next == null) {
          break;
        }
        assertThat(child.killed).as("kill point '" + next.name() + "' was reached").isTrue();
        beforeResponseKills += next.kill() == Kill.BEFORE_RESPONSE ? 1 : 0;
        afterResponseKills += next.kill() == Kill.AFTER_RESPONSE ? 1 : 0;
        point++;
      }
      assertThat(child.output()).contains("FINISHED JOB_STATE_SUCCEEDED");

      Job job = store.loadAll().get(0);
      List<CostLine> bill = store.bill(job.getJobId());
      Budget month = store.budget(YearMonth.now(ZoneOffset.UTC), 50_000_000L);
      List<FakeOpenAi.Bill> chats = fake.bills.stream()
          .filter(b -> b.endpoint().equals(FakeOpenAi.CHAT)).toList();
      List<FakeOpenAi.Bill> media = fake.bills.stream()
          .filter(b -> !b.endpoint().equals(FakeOpenAi.CHAT)).toList();
      List<CostLine> mediaLines = bill.stream().filter(l -> l.getProvider().equals("openai")
          && !l.getUnit().equals("tokens")).toList();
      List<CostLine> chatLines = bill.stream().filter(l -> l.getProvider().equals("openai")
          && l.getUnit().equals("tokens")).toList();
      // A held LLM request whose answer came but was not recorded: unreconciled at its hold.
      List<CostLine> lostChats = bill.stream().filter(l -> l.getProvider().equals("llm"))
          .toList();
      assertThat(lostChats).allMatch(CostLine::getUnreconciled).hasSizeLessThanOrEqualTo(1);
      // The chat answered at the kill was recorded after all (the child was quick), or it is
      // the one unreconciled request; every other chat is settled: an input and an output line.
      List<FakeOpenAi.Bill> settledChats = new java.util.ArrayList<>(chats);
      if (!lostChats.isEmpty()) {
        FakeOpenAi.Bill atKill = settledChats.remove(CHAT_KILLED_NTH - 1);
        assertThat(lostChats.get(0).getActualMicros()).as("held at no less than it billed")
            .isGreaterThanOrEqualTo(billedMicros(List.of(atKill)));
      }
      assertThat(chatLines).hasSize(2 * settledChats.size()).noneMatch(CostLine::getUnreconciled);
      // The resume says which calls it left unreconciled.
      assertThat(store.events(job.getJobId(), 0, Integer.MAX_VALUE)).filteredOn(e ->
          e.getWarning().getCode().equals("unreconciled_calls")).hasSizeGreaterThanOrEqualTo(
              beforeResponseKills).allMatch(e -> e.getMessage().contains("openai ")
              || e.getMessage().contains("llm "));
      if (!lostChats.isEmpty()) {
        assertThat(store.events(job.getJobId(), 0, Integer.MAX_VALUE)).anyMatch(e ->
            e.getMessage().contains("llm EnhancePrompt (held at most)"));
      }
      // Every media request the provider billed is on the bill (settled, or unreconciled at
      // its exact price when it was in flight at a kill), and nothing else is.
      assertThat(mediaLines).hasSize(media.size());
      long lostMicros = lostChats.stream().mapToLong(CostLine::getActualMicros).sum();
      assertThat(month.getSpentMicros()).isEqualTo(billedMicros(media)
          + billedMicros(settledChats) + lostMicros);
      long unreconciled = bill.stream().filter(CostLine::getUnreconciled).count();
      // In flight at a kill: held. Answered just before one: recorded, or held if the kill won.
      assertThat(unreconciled).isBetween((long) beforeResponseKills,
          (long) beforeResponseKills + afterResponseKills);
      assertThat(month.getUnreconciledCalls()).isEqualTo((int) unreconciled);
      assertThat(month.getUnreconciledMicros()).isEqualTo(bill.stream()
          .filter(CostLine::getUnreconciled).mapToLong(CostLine::getActualMicros).sum());
      // The report names each unreconciled charge, as the bill holds it.
      String report = java.nio.file.Files.readString(new dev.reelmesh.common.config.MeshSettings(
          dir.resolve("mesh").resolve("data"), dir.resolve("mesh").resolve("models"))
          .artifactRoot().resolve(job.getResult().getReport().getUri()));
      for (CostLine line : bill.stream().filter(CostLine::getUnreconciled).toList()) {
        assertThat(report).contains(line.getItem() + " (unreconciled");
      }
      if (unreconciled > 0) {
        assertThat(report).contains(" unreconciled: the call was in flight");
      }
      // Repeated only when in flight: settled lines are exactly one job's worth.
      int clips = job.getResult().getPlan().getClipsCount();
      assertThat(mediaLines.stream().filter(l -> !l.getUnreconciled()
          && l.getStage().equals("clips"))).hasSize(clips);
      assertThat(mediaLines.stream().filter(l -> !l.getUnreconciled()
          && l.getStage().equals("storyboard"))).hasSize(2 * clips);
      // The job's bill equals its charges, and the month's ledger (the only job) equals both.
      long billTotal = bill.stream().mapToLong(CostLine::getActualMicros).sum();
      assertThat(job.getResult().getCost().getActualTotalMicros()).isEqualTo(billTotal)
          .isEqualTo(month.getSpentMicros());
    }
  }

  private static long lastSequence(JobStore store) {
    List<Job> jobs = store.loadAll();
    return jobs.isEmpty() ? 0 : store.events(jobs.get(0).getJobId(), 0, Integer.MAX_VALUE)
        .size();
  }

  /** What the fake billed, priced as OpenAI would (the provider's models). */
  private static long billedMicros(List<FakeOpenAi.Bill> bills) {
    long total = 0;
    for (FakeOpenAi.Bill b : bills) {
      total += switch (b.endpoint()) {
        case FakeOpenAi.GENERATIONS, FakeOpenAi.EDITS ->
            PriceTable.imageMicros("gpt-image-1", "medium", b.size()) * b.units();
        case FakeOpenAi.VIDEOS -> PriceTable.videoSecondMicros("sora-2", b.size()) * b.units();
        case FakeOpenAi.SPEECH -> PriceTable.speechCharMicros("gpt-4o-mini-tts") * b.units();
        case FakeOpenAi.CHAT -> chatMicros(b);
        default -> throw new AssertionError("unpriced " + b.endpoint());
      };
    }
    return total;
  }

  /** A chat at the LLM service's default model (gpt-4o), as its own price table prices it. */
  private static long chatMicros(FakeOpenAi.Bill chat) {
    var price = dev.reelmesh.llm.engine.openai.PriceTable.of("gpt-4o",
        java.util.Optional.empty());
    return dev.reelmesh.llm.engine.openai.PriceTable.inputMicros(price, chat.units())
        + dev.reelmesh.llm.engine.openai.PriceTable.outputMicros(price, chat.outputTokens());
  }
}
