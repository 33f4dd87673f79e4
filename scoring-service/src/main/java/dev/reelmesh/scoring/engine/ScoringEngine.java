package dev.reelmesh.scoring.engine;

import dev.reelmesh.common.error.Statuses;
import dev.reelmesh.scoring.image.RgbImage;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the scorers a request asks for (or every one that can run), runs them, and collects
 * their scores. A scorer that fails is reported and the others still answer; only when none can
 * answer does the request fail. Nothing is dropped silently: a skipped scorer is a warning.
 */
public final class ScoringEngine {
  private static final Logger log = LoggerFactory.getLogger(ScoringEngine.class);
  private final Map<String, Scorer> scorers = new LinkedHashMap<>();

  public ScoringEngine(List<Scorer> all) {
    for (String name : ScorerNames.ALL) {
      all.stream().filter(s -> s.name().equals(name)).findFirst()
          .ifPresent(s -> scorers.put(name, s));
    }
  }

  /** Validates the requested scorer names against the prompt; throws INVALID_ARGUMENT. */
  public static List<String> validateScorers(List<String> requested, String prompt) {
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < requested.size(); i++) {
      String name = requested.get(i);
      if (!ScorerNames.ALL.contains(name)) {
        throw Statuses.invalid("scorers[" + i + "]", "unknown scorer '" + name + "'; known: "
            + ScorerNames.ALL);
      }
      names.add(name);
    }
    if (prompt.isBlank()) {
      List<String> needText = names.stream().filter(ScorerNames.NEED_TEXT::contains).toList();
      if (!needText.isEmpty()) {
        throw Statuses.invalid("prompt", "empty, but scorers " + needText
            + " compare images with the prompt; give the prompt or drop those scorers");
      }
    }
    return List.copyOf(names);
  }

  /** Why the scorer named {@code name} cannot run now, or null when it can. */
  public String unavailableReason(String name) {
    Scorer scorer = scorers.get(name);
    return scorer == null ? name + " is not configured in this service" : scorer.unavailableReason();
  }

  public ScoringOutcome score(List<RgbImage> images, String prompt, List<String> requested) {
    return score(ScoringInput.of(images, prompt), requested);
  }

  /** As above, sharing {@code input}'s memo (image embeddings) with the caller's other work. */
  public ScoringOutcome score(ScoringInput input, List<String> requested) {
    List<RgbImage> images = input.images();
    String prompt = input.prompt();
    List<String> wanted = validateScorers(requested, prompt);
    List<String> warnings = new ArrayList<>();
    List<ScorerFailure> failures = new ArrayList<>();
    List<Scorer> toRun = new ArrayList<>();
    if (wanted.isEmpty()) {
      chooseAvailable(prompt, toRun, warnings);
    } else {
      for (String name : wanted) {
        Scorer scorer = scorers.get(name);
        String reason = scorer == null ? "not configured in this service" : scorer.unavailableReason();
        if (reason != null) {
          failures.add(new ScorerFailure(name, reason));
        } else {
          toRun.add(scorer);
        }
      }
    }
    List<String> ran = new ArrayList<>();
    List<List<ScoreValue>> perScorer = new ArrayList<>();
    for (Scorer scorer : toRun) {
      try {
        List<ScoreValue> values = scorer.score(input);
        if (values.size() != images.size()) {
          throw new IllegalStateException(scorer.name() + " returned " + values.size()
              + " scores for " + images.size() + " images");
        }
        ran.add(scorer.name());
        perScorer.add(values);
      } catch (ScorerUnavailableException e) {
        failures.add(new ScorerFailure(scorer.name(), e.getMessage()));
      } catch (RuntimeException e) {
        log.warn("scorer {} failed", scorer.name(), e);
        failures.add(new ScorerFailure(scorer.name(), e.getClass().getSimpleName() + ": "
            + e.getMessage()));
      }
    }
    if (ran.isEmpty()) {
      throw Status.FAILED_PRECONDITION
          .withDescription("no scorer could run: " + describe(failures))
          .asRuntimeException();
    }
    if (!failures.isEmpty()) {
      warnings.add("scored without " + describe(failures) + "; results use " + ran);
    }
    return new ScoringOutcome(List.copyOf(ran), transpose(perScorer, images.size()),
        List.copyOf(failures), List.copyOf(warnings));
  }

  private void chooseAvailable(String prompt, List<Scorer> toRun, List<String> warnings) {
    List<String> skipped = new ArrayList<>();
    List<String> noPrompt = new ArrayList<>();
    for (Scorer scorer : scorers.values()) {
      String reason = scorer.unavailableReason();
      if (reason != null) {
        skipped.add(scorer.name() + " (" + reason + ")");
      } else if (prompt.isBlank() && ScorerNames.NEED_TEXT.contains(scorer.name())) {
        noPrompt.add(scorer.name());
      } else {
        toRun.add(scorer);
      }
    }
    if (!skipped.isEmpty()) {
      warnings.add("not scored with " + String.join(", ", skipped));
    }
    if (!noPrompt.isEmpty()) {
      warnings.add("not scored with " + noPrompt + ": the request has no prompt");
    }
  }

  private static String describe(List<ScorerFailure> failures) {
    return failures.stream().map(f -> f.scorer() + " (" + f.reason() + ")")
        .reduce((a, b) -> a + ", " + b).orElse("");
  }

  private static List<List<ScoreValue>> transpose(List<List<ScoreValue>> perScorer, int n) {
    List<List<ScoreValue>> perImage = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      List<ScoreValue> row = new ArrayList<>(perScorer.size());
      for (List<ScoreValue> column : perScorer) {
        row.add(column.get(i));
      }
      perImage.add(List.copyOf(row));
    }
    return List.copyOf(perImage);
  }
}
