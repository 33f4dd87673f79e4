package dev.reelmesh.orchestrator.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelmesh.orchestrator.testing.TestMesh;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The studio's chat: the /api/chat WebSocket bridge to PipelineService.Chat, and its panel. */
class StudioChatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path dir;
  static TestMesh mesh;
  static Studio studio;

  @BeforeAll
  static void start() throws Exception {
    mesh = TestMesh.start(dir);
    studio = Studio.start(mesh.pipelineChannel(), mesh.channels().media(), "127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    studio.close();
    mesh.close();
  }

  /** A browser-like WebSocket client: frames in, JSON frames out. */
  static final class Socket implements WebSocket.Listener {
    final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final WebSocket socket;
    private final StringBuilder partial = new StringBuilder();

    Socket() {
      socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
          URI.create("ws://127.0.0.1:" + studio.port() + "/api/chat"), this).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          frames.add(JSON.readTree(partial.toString()));
        } catch (java.io.IOException e) {
          throw new AssertionError(e);
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    void send(String json) {
      socket.sendText(json, true).join();
    }

    /** Frames up to the one that awaits the user (or an error frame). */
    List<JsonNode> turn() throws InterruptedException {
      List<JsonNode> turn = new ArrayList<>();
      while (true) {
        JsonNode frame = frames.poll(60, TimeUnit.SECONDS);
        assertThat(frame).as("a frame within 60 s").isNotNull();
        turn.add(frame);
        if (frame.has("error") || frame.path("awaitingUser").asBoolean()) {
          return turn;
        }
      }
    }
  }

  @Test
  void framesAreChatMessagesBothWaysAndABadOneSaysWhy() throws Exception {
    Socket chat = new Socket();
    chat.send("{\"text\":\"how much is a 6-second video of a kettle at dawn?\"}");
    List<JsonNode> turn = chat.turn();
    assertThat(turn).extracting(f -> f.path("sequence").asText())
        .containsExactly("1", "2", "3", "4");
    assertThat(turn.get(1).path("toolCall").path("tool").asText()).isEqualTo("estimate");
    assertThat(turn.get(2).path("toolResult").path("ok").asBoolean()).isTrue();
    assertThat(turn.get(3).path("answer").path("text").asText()).contains("estimated $0.0000");
    String session = turn.get(0).path("sessionId").asText();

    // A second socket resumes after message 2: it gets 3 and 4, then talks on.
    Socket again = new Socket();
    again.send("{\"sessionId\":\"" + session + "\",\"resume\":{\"afterSequence\":\"2\"}}");
    assertThat(again.turn()).extracting(f -> f.path("sequence").asInt()).containsExactly(3, 4);
    again.send("{\"sessionId\":\"" + session + "\",\"text\":\"   \"}");
    JsonNode error = again.turn().get(0).path("error");
    assertThat(error.path("code").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(error.path("message").asText()).startsWith("text:");
    Socket garbage = new Socket();
    garbage.send("{\"nonsense\":1}");
    assertThat(garbage.turn().get(0).path("error").path("message").asText())
        .contains("not a ChatClientMessage");
  }

  @Test
  void thePanelShowsToolCallsAndAsksBeforeSpending() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    Path driver = Path.of("/usr/bin/chromedriver");
    Assumptions.assumeTrue(Files.isExecutable(chromium) && Files.isExecutable(driver),
        "Chromium is not installed (apt-get install chromium chromium-driver): skipped");
    ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(driver.toFile()).usingAnyFreePort().build(), new ChromeOptions()
        .setBinary(chromium.toString()).addArguments("--headless", "--no-sandbox",
            "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
            "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-chat"))));
    try {
      WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
      browser.get("http://127.0.0.1:" + studio.port() + "/#/chat");
      WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.id("chat-input")));
      input.sendKeys("plan a 4-second video of a red kettle on a kitchen table");
      browser.findElement(By.id("chat-send")).click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-log"),
          "is planned"));
      assertThat(browser.findElement(By.id("chat-log")).getText()).contains("→ plan")
          .contains("← plan ok");
      assertThat(browser.getCurrentUrl()).contains("#/chat/");
      input.sendKeys("go");
      browser.findElement(By.id("chat-send")).click();
      WebElement no = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
          ".confirm button.no")));
      assertThat(browser.findElement(By.cssSelector(".confirm")).getText())
          .contains("render job").contains("Go ahead?");
      Path shots = Files.createDirectories(Path.of("target/studio-screenshots"));
      Files.write(shots.resolve("chat.png"), browser.getScreenshotAs(OutputType.BYTES));
      no.click();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-log"),
          "did not run approve"));
      assertThat(browser.findElements(By.cssSelector(".confirm"))).isEmpty();
      // A reload resumes the session from the address: the conversation is all there.
      browser.navigate().refresh();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chat-log"),
          "did not run approve"));
      assertThat(browser.findElement(By.id("chat-log")).getText()).contains("you: plan a "
          + "4-second video");
    } finally {
      browser.quit();
    }
  }
}
