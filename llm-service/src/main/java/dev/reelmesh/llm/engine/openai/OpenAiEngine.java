package dev.reelmesh.llm.engine.openai;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import dev.reelmesh.llm.LlmConfig;
import dev.reelmesh.llm.brief.Concept;
import dev.reelmesh.llm.chat.ChatTurn;
import dev.reelmesh.llm.chat.TurnAnswer;
import dev.reelmesh.llm.clipprompt.ClipPromptBatch;
import dev.reelmesh.llm.engine.EngineFailure;
import dev.reelmesh.llm.engine.EngineReport;
import dev.reelmesh.llm.engine.LlmEngine;
import dev.reelmesh.llm.engine.Priced;
import dev.reelmesh.llm.enhance.Critique;
import dev.reelmesh.llm.enhance.EnhanceContext;
import dev.reelmesh.llm.plan.OfflinePlanner;
import dev.reelmesh.llm.plan.Plan;
import dev.reelmesh.llm.plan.PlanInvariants;
import dev.reelmesh.llm.plan.PlanRequest;
import dev.reelmesh.llm.plan.Refinement;
import dev.reelmesh.llm.shot.ShotFragments;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The OpenAI-compatible chat engine. Each method is one structured call (the clip prompts: ONE
 * call for all clips); an answer that does not parse or breaks the contract is an
 * {@link EngineFailure}, so a malformed LLM answer never reaches the caller.
 */
public final class OpenAiEngine implements LlmEngine {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ChatCaller chat;
  private final OfflinePlanner skeletons = new OfflinePlanner();
  private final ToolChat tools;

  public OpenAiEngine(LlmConfig config) {
    OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder()
        .apiKey(config.apiKey().orElseThrow())
        .timeout(config.timeout())
        .maxRetries(0); // failsafe in ChatCaller owns retries, so attempts are counted once
    config.baseUrl().ifPresent(builder::baseUrl);
    OpenAIClient client = builder.build();
    this.chat = new ChatCaller(client, config);
    this.tools = new ToolChat(chat);
  }

  @Override
  public String name() {
    return EngineReport.OPENAI;
  }

  @Override
  public String model() {
    return chat.model();
  }

  @Override
  public Priced<Plan> plan(PlanRequest request) throws EngineFailure {
    Plan skeleton = skeletons.plan(request);
    String user = json(Map.of("brief", request.brief(), "product", request.productDescription(),
        "style_preset", request.stylePreset(), "character_consistency", request.characterConsistency(),
        "clips", skeleton.clips().stream().map(c -> Map.of("index", c.index(),
            "seconds", c.durationSeconds(), "max_narration_words",
            dev.reelmesh.llm.plan.Narration.maxWords(c.durationSeconds()))).toList(),
        "palette_hint", skeleton.style().palette(),
        "allowed_clip_seconds", request.clipLengths().seconds()));
    ChatReply reply = chat.call("plan", Prompts.PLAN, user, "scene_plan", Schemas.PLAN, 4_000);
    try {
      Plan plan = PlanReplies.plan(skeleton, parse(reply));
      // The same check as any plan: timing from the skeleton, cut to the model's lengths.
      PlanInvariants.check(plan, "plan");
      return new Priced<>(plan, reply.costs());
    } catch (PlanReplies.Unusable | RuntimeException e) {
      throw new EngineFailure("unusable plan from the model: " + e.getMessage(), reply.costs(), e);
    }
  }

  @Override
  public Priced<Refinement> refine(Plan plan, String instruction) throws EngineFailure {
    String user = json(Map.of("instruction", instruction, "plan", PlanJson.of(plan)));
    ChatReply reply = chat.call("plan", Prompts.REFINE, user, "plan_changes", Schemas.REFINE, 2_000);
    try {
      Refinement r = PlanReplies.refine(plan, parse(reply));
      PlanInvariants.check(r.plan(), "plan");
      return new Priced<>(r, reply.costs());
    } catch (PlanReplies.Unusable | RuntimeException e) {
      throw new EngineFailure("unusable refinement from the model: " + e.getMessage(), reply.costs(), e);
    }
  }

  @Override
  public Priced<List<String>> polishClipPrompts(ClipPromptBatch batch) throws EngineFailure {
    String user = json(Map.of("style_keywords", batch.styleKeywords(), "min_words", batch.minWords(),
        "max_words", batch.maxWords(),
        "clips", batch.clips()));
    ChatReply reply = chat.call("clip_prompts", Prompts.clipPrompts(batch.minWords(), batch.maxWords(), batch.style()), user,
        "clip_prompts", Schemas.CLIP_PROMPTS, 300L * batch.clips().size() + 200);
    JsonNode prompts = parse(reply).path("prompts");
    int n = batch.clips().size();
    if (!prompts.isArray() || prompts.size() != n) {
      throw new EngineFailure("expected " + n + " clip prompts, got " + prompts.size(), reply.costs(), null);
    }
    String[] ordered = new String[n];
    for (JsonNode p : prompts) {
      int i = p.path("clip_index").asInt(-1);
      if (i < 0 || i >= n || ordered[i] != null) {
        throw new EngineFailure("clip indices are not 0.." + (n - 1) + " exactly once", reply.costs(), null);
      }
      ordered[i] = p.path("prompt").asText("");
    }
    return new Priced<>(List.of(ordered), reply.costs());
  }

  @Override
  public Priced<Critique> critique(String prompt, EnhanceContext context) throws EngineFailure {
    String user = json(Map.of("prompt", prompt, "style", context.style() == null ? "" : context.style().visualStyle(),
        "has_reference", context.hasReference(), "frame_role", context.frameRole()));
    ChatReply reply = chat.call("storyboard", Prompts.CRITIC, user, "critique", Schemas.CRITIQUE, 400);
    JsonNode root = parse(reply);
    int score = root.path("score").asInt(-1);
    if (score < 0 || score > 100) {
      throw new EngineFailure("critic score " + root.path("score") + " is not in 0–100", reply.costs(), null);
    }
    List<String> missing = new ArrayList<>();
    root.path("missing").forEach(m -> missing.add(m.asText()));
    return new Priced<>(new Critique(score, root.path("critique").asText(""), missing), reply.costs());
  }

  @Override
  public Priced<String> rewrite(String prompt, Critique critique, EnhanceContext context) throws EngineFailure {
    String user = json(Map.of("prompt", prompt, "critique", critique.text(),
        "style", context.style() == null ? "" : context.style().visualStyle(),
        "has_reference", context.hasReference(), "frame_role", context.frameRole()));
    ChatReply reply = chat.call("storyboard", Prompts.WRITER, user, "rewrite", Schemas.REWRITE, 400);
    String text = parse(reply).path("prompt").asText("").strip();
    if (text.isEmpty() || text.length() > 4_000) {
      throw new EngineFailure("writer returned an empty or over-long prompt", reply.costs(), null);
    }
    return new Priced<>(text, reply.costs());
  }

  @Override
  public Priced<Map<String, String>> proposeMetaphors(List<Concept> concepts, String tone) throws EngineFailure {
    String user = json(Map.of("tone", tone, "concepts", concepts.stream().map(c -> Map.of("name", c.name(),
        "kind", c.kind().name().toLowerCase(java.util.Locale.ROOT), "meaning", c.meaning())).toList()));
    ChatReply reply = chat.call("brief", Prompts.METAPHORS, user, "metaphors", Schemas.METAPHORS,
        60L * concepts.size() + 100);
    Map<String, String> gags = new java.util.LinkedHashMap<>();
    for (JsonNode m : parse(reply).path("metaphors")) {
      String gag = m.path("gag").asText("").strip();
      if (!gag.isEmpty() && gag.length() <= 300) {
        gags.put(m.path("concept").asText(""), gag);
      }
    }
    if (gags.isEmpty()) {
      throw new EngineFailure("the model proposed no usable metaphors", reply.costs(), null);
    }
    return new Priced<>(gags, reply.costs());
  }

  @Override
  public Priced<String> writeShot(ShotFragments f, boolean hasReference) throws EngineFailure {
    // The fragments travel as JSON data, never spliced into the instructions.
    Map<String, Object> fragments = new java.util.LinkedHashMap<>();
    fragments.put("subject", f.subject());
    fragments.put("action", f.action());
    fragments.put("setting", f.setting());
    fragments.put("product_use", f.productUse());
    fragments.put("lighting", f.lighting());
    fragments.put("mood", f.mood());
    String user = json(Map.of("fragments", fragments, "camera_move", f.cameraMove(),
        "has_reference_image", hasReference));
    ChatReply reply = chat.call("shot_prompt", Prompts.SHOT, user, "shot_prompt", Schemas.REWRITE, 200);
    String text = parse(reply).path("prompt").asText("").strip();
    if (text.isEmpty()) {
      throw new EngineFailure("the model returned an empty shot prompt", reply.costs(), null);
    }
    return new Priced<>(text, reply.costs());
  }

  @Override
  public Priced<TurnAnswer> chatTurn(ChatTurn turn) throws EngineFailure {
    return tools.turn(turn);
  }

  private static JsonNode parse(ChatReply reply) throws EngineFailure {
    try {
      JsonNode node = JSON.readTree(reply.json());
      if (node == null || !node.isObject()) {
        throw new EngineFailure("the model's answer is not a JSON object", reply.costs(), null);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new EngineFailure("the model's answer is not valid JSON: " + e.getOriginalMessage(), reply.costs(), e);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise request", e);
    }
  }
}
