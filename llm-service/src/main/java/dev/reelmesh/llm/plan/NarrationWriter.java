package dev.reelmesh.llm.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One voice-over line per clip, about this brief's subject, never repeated within the job. Lines
 * come whole from templates that fit the clip's length (never cut mid-sentence); when a long plan
 * has used every line its beat offers, the clip is left to music rather than said twice.
 */
final class NarrationWriter {
  private NarrationWriter() {}

  static String line(Beat beat, int k, int occurrence, Story story, double seconds, Set<String> used) {
    List<String> pool = beat == Beat.CLOSING ? ClosingLines.of(story.reading.purpose()) : beat.lines;
    Map<String, String> slots = story.withProp(occurrence);
    int max = Narration.maxWords(seconds);
    List<String> fitting = new ArrayList<>();
    List<String> topics = new ArrayList<>();
    for (int j = 0; j < pool.size(); j++) {
      int start = beat == Beat.OPENING || beat == Beat.CLOSING ? 0 : k;
      String template = pool.get((start + j) % pool.size());
      // A line that tells the brief's action is said once: "Ari makes a latte" twice is a repeat.
      String topic = template.contains("{Af") || template.contains("{Ab") ? "action" : "";
      if (!topic.isEmpty() && used.contains(topic)) {
        continue;
      }
      Optional<String> line = Shots.fill(template, story, slots);
      if (line.isPresent() && Narration.words(line.get()) <= max && !used.contains(key(line.get()))) {
        fitting.add(line.get());
        topics.add(topic);
      }
    }
    if (fitting.isEmpty()) {
      return "";
    }
    String chosen = fitting.get(0);
    used.add(key(chosen));
    if (!topics.get(0).isEmpty()) {
      used.add(topics.get(0));
    }
    return chosen;
  }

  /** Lines that differ only in case or punctuation are the same line. */
  static String key(String line) {
    return line.toLowerCase().replaceAll("[^a-z0-9& ]", "").strip();
  }
}
