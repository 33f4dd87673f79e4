package dev.reelmesh.orchestrator.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelmesh.llm.testing.FakeOpenAiServer;
import dev.reelmesh.orchestrator.testing.TestMesh;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Chat tests against the fake OpenAI server: a mesh whose LLM service talks to the fake. */
abstract class FakeLlmChat {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  FakeOpenAiServer fake;
  TestMesh mesh;

  /** The mesh for a test; its LLM service answers through {@code fake}. */
  TestMesh mesh(Path dir, FakeOpenAiServer fake) {
    return TestMesh.startWithLlm(dir, TestMesh.chatAt(fake.baseUrl()));
  }

  @BeforeEach
  void startFakeAndMesh() throws Exception {
    fake = FakeOpenAiServer.start();
    mesh = mesh(dir, fake);
  }

  @AfterEach
  void stopMeshAndFake() {
    mesh.close();
    fake.close();
  }

  /** The JSON body of the fake's {@code i}-th request. */
  JsonNode request(int i) throws Exception {
    String raw = fake.requests().get(i);
    return JSON.readTree(raw.substring(raw.indexOf('\n') + 1));
  }
}
