package dev.reelmesh.llm.enhance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.reelmesh.llm.engine.EngineReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trace of one writer/critic loop as files (the storyboard seed's trace directory): the
 * original prompt and its critique, each writer output and the critic's verdict on it, the final
 * prompt and a summary. Built here so every caller stores the same thing; storing it (job
 * artifacts, an event) is the caller's business.
 */
public record EnhanceTrace(String originalPrompt, int originalScore, String originalCritique, String finalPrompt,
    String summaryJson, List<File> files) {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public EnhanceTrace {
    files = List.copyOf(files);
  }

  /** One trace file: a plain name and its UTF-8 content. */
  public record File(String name, String mediaType, String content) {}

  public static EnhanceTrace of(EnhanceRequest request, EnhanceResult result, EngineReport engine) {
    List<File> files = new ArrayList<>();
    files.add(text("00_original_prompt.txt", request.prompt()));
    files.add(json("00_critic.json", critic(result.original().score(), result.original().text(),
        result.original().missing())));
    List<Map<String, Object>> rounds = new ArrayList<>();
    int best = result.original().score();
    int n = 1;
    for (EnhanceResult.Round r : result.rounds()) {
      files.add(text(String.format(Locale.ROOT, "%02d_writer_round_%d.txt", n++, r.round()), r.prompt()));
      files.add(json(String.format(Locale.ROOT, "%02d_critic_round_%d.json", n++, r.round()),
          critic(r.criticScore(), r.critique(), List.of())));
      Map<String, Object> round = new LinkedHashMap<>();
      round.put("round", r.round());
      round.put("writer_prompt", r.prompt());
      round.put("critic_score", r.criticScore());
      round.put("critique", r.critique());
      round.put("improved", r.criticScore() > best);
      best = Math.max(best, r.criticScore());
      rounds.add(round);
    }
    files.add(text("final_prompt.txt", result.enhancedPrompt()));
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("original_prompt", request.prompt());
    summary.put("original_score", result.original().score());
    summary.put("final_prompt", result.enhancedPrompt());
    summary.put("final_score", result.finalScore());
    summary.put("stop_reason", result.stopReason());
    summary.put("target_score", request.targetScore());
    summary.put("max_rounds", request.maxRounds());
    summary.put("engine", engine.engine());
    summary.put("model", engine.model());
    summary.put("fallback_reason", engine.fallbackReason());
    summary.put("rounds", rounds);
    String summaryJson = write(summary);
    files.add(new File("summary.json", "application/json", summaryJson));
    return new EnhanceTrace(request.prompt(), result.original().score(), result.original().text(),
        result.enhancedPrompt(), summaryJson, files);
  }

  private static Map<String, Object> critic(int score, String critique, List<String> missing) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("score", score);
    m.put("critique", critique);
    m.put("missing", missing);
    return m;
  }

  private static File text(String name, String content) {
    return new File(name, "text/plain", content);
  }

  private static File json(String name, Object value) {
    return new File(name, "application/json", write(value));
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the enhancement trace", e);
    }
  }
}
