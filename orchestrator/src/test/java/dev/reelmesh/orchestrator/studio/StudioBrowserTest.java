package dev.reelmesh.orchestrator.studio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.testing.TestMesh;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The studio in a real browser (Debian's headless Chromium driven by Selenium): a brief with plan
 * review, approve, progress to done, storyboard and scores, the video playing, a clip
 * regenerated. Screenshots of each page go to target/studio-screenshots (docs/studio.md shows
 * them). Skips only where Chromium is not installed; CI installs it.
 */
class StudioBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target/studio-screenshots");
  @TempDir static Path dir;
  static TestMesh mesh;
  static Studio studio;
  static ChromeDriver browser;

  @BeforeAll
  static void start() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "Chromium is not installed (apt-get install chromium chromium-driver): browser test skipped");
    mesh = TestMesh.start(dir);
    studio = Studio.start(mesh.pipelineChannel(), mesh.channels().media(), "127.0.0.1", 0);
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")));
    browser = new ChromeDriver(new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build(), options);
    browser.manage().window().setSize(new Dimension(1000, 900));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (studio != null) {
      studio.close();
    }
    if (mesh != null) {
      mesh.close();
    }
  }

  private static WebDriverWait waiting(int seconds) {
    return new WebDriverWait(browser, Duration.ofSeconds(seconds));
  }

  private static void shot(String name) throws Exception {
    Files.write(SHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  private static void awaitState(String state, int seconds) {
    waiting(seconds).until(ExpectedConditions.textToBe(By.id("job-state"), state));
  }

  /** Every form control has a label a screen reader announces, and none is out of tab order. */
  private static void assertEveryControlIsLabelled() {
    Object unlabelled = ((JavascriptExecutor) browser).executeScript("return Array.from("
        + "document.querySelectorAll('input, select, textarea')).filter(c => !c.labels"
        + " || c.labels.length === 0).map(c => c.id || c.name)"
        + ".concat(Array.from(document.querySelectorAll('[tabindex]'))"
        + ".filter(e => e.tabIndex > 0).map(e => 'tabindex>0: ' + e.id))");
    assertThat((List<?>) unlabelled).isEmpty();
  }

  @Test
  void aBriefGoesFromFormThroughReviewToAPlayingVideoAndARegeneratedClip() throws Exception {
    browser.get("http://127.0.0.1:" + studio.port() + "/");
    WebElement brief = waiting(20).until(ExpectedConditions.elementToBeClickable(By.id("brief")));
    // Duration and aspect left as the form offers them: the brief's own format decides.
    brief.sendKeys("a 4-second vertical teaser for a ceramic pour-over kettle, warm morning light");
    assertThat(browser.findElement(By.id("duration")).getDomProperty("value")).isEmpty();
    new Select(browser.findElement(By.id("tier"))).selectByValue("QUALITY_TIER_DRAFT");
    WebElement variations = browser.findElement(By.id("variations"));
    variations.clear();
    variations.sendKeys("2");
    browser.findElement(By.id("clip")).sendKeys("2"); // two 2-second clips, not one of 4
    browser.findElement(By.id("review")).click();
    browser.findElement(By.id("estimate-button")).click();
    waiting(60).until(ExpectedConditions.textToBePresentInElementLocated(By.id("estimate"),
        "nothing spent"));
    assertThat(browser.findElement(By.id("estimate")).getText()).contains("storyboard")
        .contains("animatic").contains("Within budget");
    shot("1-new-video");
    assertEveryControlIsLabelled();

    browser.findElement(By.id("generate")).click();
    waiting(30).until(ExpectedConditions.urlContains("#/job/"));
    awaitState("awaiting approval", 120);
    WebElement plan = waiting(30).until(ExpectedConditions.visibilityOfElementLocated(
        By.id("plan")));
    assertThat(plan.getText()).contains("Review the plan").contains("Clip 1").contains("Clip 2")
        .contains("4.0 s");
    browser.findElement(By.id("refine")).sendKeys("make clip 1 a close-up");
    shot("2-plan-review");
    browser.findElement(By.id("approve")).click();
    awaitState("succeeded", 300);
    assertThat(browser.findElement(By.id("percent")).getText()).isEqualTo("100 %");
    assertThat(browser.findElement(By.id("event-log")).getText()).contains("plan refined");

    List<WebElement> frames = browser.findElements(By.cssSelector("#storyboard .frame"));
    assertThat(frames).isNotEmpty();
    assertThat(browser.findElements(By.cssSelector("#storyboard figure.variation")))
        .hasSize(frames.size() * 2);
    assertThat(browser.findElements(By.cssSelector("#storyboard figure.variation.chosen")))
        .hasSize(frames.size());
    for (WebElement frame : frames) {
      // The chosen variation is the best-scored one of its frame.
      double best = frame.findElements(By.cssSelector("figure.variation")).stream()
          .mapToDouble(f -> Double.parseDouble(f.getDomAttribute("data-overall"))).max()
          .orElseThrow();
      double chosen = Double.parseDouble(frame.findElement(By.cssSelector(
          "figure.variation.chosen")).getDomAttribute("data-overall"));
      assertThat(chosen).isEqualTo(best);
    }
    JavascriptExecutor js = browser;
    waiting(60).until(d -> Boolean.TRUE.equals(js.executeScript("return Array.from("
        + "document.querySelectorAll('#storyboard img')).every(i => i.complete && i.naturalWidth > 0)")));
    assertThat(browser.findElement(By.id("prompts")).getText()).contains("Clip 1");
    browser.findElement(By.id("storyboard")).click();
    ((JavascriptExecutor) browser).executeScript(
        "document.getElementById('storyboard').scrollIntoView()");
    shot("3-storyboard");

    Object played = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "const v = document.getElementById('player'); v.muted = true;"
        + "v.play().then(() => setTimeout(() => done({time: v.currentTime, "
        + "duration: v.duration, width: v.videoWidth, height: v.videoHeight, "
        + "error: v.error && v.error.code}), 1500), e => done({error: String(e)}));");
    assertThat(played).asString().doesNotContain("error=N").doesNotContain("Error");
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> playback = (java.util.Map<String, Object>) played;
    assertThat(((Number) playback.get("time")).doubleValue()).as("%s", playback).isPositive();
    assertThat(((Number) playback.get("duration")).doubleValue()).isBetween(3.5, 4.5);
    assertThat(((Number) playback.get("height")).intValue()).as("9:16 from the brief")
        .isGreaterThan(((Number) playback.get("width")).intValue());
    js.executeScript("const v = document.getElementById('player'); v.pause();"
        + "v.scrollIntoView();");
    shot("4-player");

    browser.findElement(By.id("clip-1")).click();
    browser.findElement(By.id("instruction")).sendKeys("make it an aerial shot");
    js.executeScript("document.getElementById('regenerate').scrollIntoView()");
    shot("5-regenerate");
    browser.findElement(By.id("regenerate-button")).click();
    waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("event-log"),
        "regenerating"));
    awaitState("succeeded", 300);
    assertThat(browser.findElement(By.id("job-error")).getText()).isEmpty();

    browser.get("http://127.0.0.1:" + studio.port() + "/#/jobs");
    try {
      waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"),
          "succeeded"));
    } catch (org.openqa.selenium.TimeoutException e) {
      shot("debug");
      throw new AssertionError("main: " + browser.findElement(By.id("main")).getText(), e);
    }
    assertThat(browser.findElement(By.id("budget")).getText()).contains("$50.0000");
    shot("6-jobs-and-budget");

    // A phone: the job page fits the width (no sideways scrolling), every control reachable.
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.findElement(By.cssSelector("#history a")).click();
    awaitState("succeeded", 60);
    waiting(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("player")));
    assertThat((Boolean) js.executeScript("return document.documentElement.scrollWidth"
        + " <= window.innerWidth")).as("fits a 390 px wide screen").isTrue();
    assertEveryControlIsLabelled();
    shot("7-phone");
  }
}
