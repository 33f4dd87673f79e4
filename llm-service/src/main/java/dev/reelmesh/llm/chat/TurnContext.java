package dev.reelmesh.llm.chat;

/**
 * What the caller knows about the conversation's subject: the job being talked about (empty
 * when none) with its state and clip count, and the last brief the user gave.
 */
public record TurnContext(String jobId, String jobState, int clipCount, String brief,
    double durationSeconds) {
  public static final TurnContext NONE = new TurnContext("", "", 0, "", 0);

  public boolean hasJob() {
    return !jobId.isEmpty();
  }
}
