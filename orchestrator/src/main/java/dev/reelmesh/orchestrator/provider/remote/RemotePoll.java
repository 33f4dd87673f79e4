package dev.reelmesh.orchestrator.provider.remote;

/** What one status poll of a provider's job says. */
public sealed interface RemotePoll {
  /**
   * Still queued or rendering; {@code note} says how far ("in queue, position 3"), or "";
   * {@code queuePosition} is the place in the provider's queue, -1 when not queued or unknown.
   */
  record Running(String note, int queuePosition) implements RemotePoll {
    public Running(String note) {
      this(note, -1);
    }
  }

  /** Rendered: the output file's URL (it expires: it is downloaded at once). */
  record Done(String url) implements RemotePoll {}

  /**
   * Ended without a video, in the provider's own words; {@code refused} when it was a
   * moderation / safety refusal (the user must change the prompt or frame, so it is not retried).
   */
  record Failed(String words, boolean refused) implements RemotePoll {}

  /** Whether a provider's failure words read as a moderation refusal. */
  static boolean soundsRefused(String words) {
    return words.toLowerCase(java.util.Locale.ROOT).matches(
        "(?s).*(nsfw|safety|moderat|flagged|content.policy|sensitive|prohibited|violat).*");
  }
}
