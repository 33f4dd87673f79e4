package dev.reelmesh.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelmesh.llm.testing.FakeOpenAiServer;
import dev.reelmesh.llm.testing.LlmUnderTest;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.PlanScriptRequest;
import dev.reelmesh.v1.PlanScriptResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The LLM planner told the video model's clip lengths, against a fake OpenAI server. */
class PlanClipLengthsOpenAiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private FakeOpenAiServer fake;
  private LlmUnderTest service;
  private LlmServiceGrpc.LlmServiceBlockingStub llm;

  @BeforeEach
  void start() throws Exception {
    fake = FakeOpenAiServer.start();
    service = LlmUnderTest.openAi(fake, dir, Duration.ofMillis(800));
    llm = service.llm;
  }

  @AfterEach
  void stop() throws Exception {
    service.close();
  }

  /** The model's plan of {@code n} clips; it writes content only, in the clips it was given. */
  private static String answer(int n) throws Exception {
    List<Map<String, Object>> clips = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      clips.add(Map.of("index", i, "visual_description", "Steam curls from the kettle, shot " + i,
          "motion", "steam rising", "camera", "push-in", "character_ids", List.of(),
          "location_id", "loc-1", "narration", "Morning starts here", "beat_intensity", 0.5));
    }
    return JSON.writeValueAsString(Map.of("title", "Dawn Pour",
        "style", Map.of("visual_style", "warm", "mood", "calm", "lighting", "dawn",
            "cinematography", "slow", "palette", List.of("#FFAA00", "#553311", "#FFFFFF")),
        "characters", List.of(), "locations", List.of(Map.of("id", "loc-1", "name", "kitchen",
            "description", "a sunlit kitchen")), "clips", clips));
  }

  @Test
  void thePromptStatesTheLengthsAndTheAnswerKeepsThem() throws Exception {
    fake.thenChat(answer(4), 500, 400);
    PlanScriptResponse r = llm.planScript(PlanClipLengthsGrpcTest.request(20, 5.0, 10.0).build());
    assertThat(r.getEngine().getEngine()).isEqualTo("openai");
    assertThat(r.getPlan().getTitle()).isEqualTo("Dawn Pour");
    assertThat(PlanClipLengthsGrpcTest.lengths(r.getPlan())).containsExactly(5.0, 5.0, 5.0, 5.0);
    assertThat(r.getPlan().getAllowedClipSecondsList()).containsExactly(5.0, 10.0);

    JsonNode body = JSON.readTree(fake.requests().get(0).split("\n", 2)[1]);
    String system = body.path("messages").get(0).path("content").asText();
    JsonNode user = JSON.readTree(body.path("messages").get(1).path("content").asText());
    assertThat(system).contains("allowed_clip_seconds").contains("never merge or split");
    assertThat(user.path("allowed_clip_seconds")).extracting(JsonNode::asDouble).containsExactly(5.0, 10.0);
    assertThat(user.path("clips")).extracting(c -> c.path("seconds").asDouble())
        .containsExactly(5.0, 5.0, 5.0, 5.0);
  }

  @Test
  void anAnswerThatChangesTheClipCountIsRefusedAndTheOfflinePlanKeepsTheLengths() throws Exception {
    fake.thenChat(answer(3), 500, 400); // three clips of 20/3 s would be no allowed length
    PlanScriptResponse r = llm.planScript(PlanClipLengthsGrpcTest.request(20, 5.0, 10.0).build());
    assertThat(r.getEngine().getFallback()).isTrue();
    assertThat(r.getEngine().getFallbackReason()).contains("expected 4 clips, got 3");
    assertThat(PlanClipLengthsGrpcTest.lengths(r.getPlan())).containsExactly(5.0, 5.0, 5.0, 5.0);
  }
}
