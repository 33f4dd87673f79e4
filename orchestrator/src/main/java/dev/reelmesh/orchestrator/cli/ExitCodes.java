package dev.reelmesh.orchestrator.cli;

/** What the {@code reelmesh} command returns, listed in every command's help. */
final class ExitCodes {
  /** Done (also: a --review job is waiting at its plan). */
  static final int OK = 0;
  /** The job or the call failed; the message says why. */
  static final int FAILED = 1;
  /** Bad flags or arguments; nothing was started. */
  static final int USAGE = 2;
  /** No mesh answered at --server. */
  static final int UNREACHABLE = 3;

  static final String HELP = "Exit codes: 0 done, 1 failed, 2 bad usage (nothing started), "
      + "3 no mesh at --server.";

  private ExitCodes() {}
}
