package dev.reelmesh.orchestrator.cli;

import dev.reelmesh.v1.ChatClientMessage;
import dev.reelmesh.v1.ChatConfirmation;
import dev.reelmesh.v1.ChatResume;
import dev.reelmesh.v1.ChatServerMessage;
import dev.reelmesh.v1.PipelineServiceGrpc;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reelmesh chat}: talk to the agent line by line over PipelineService.Chat. Each tool call
 * and its result is shown as it happens; a call that spends asks y/n first (anything but y or
 * yes declines). End of input or "exit" ends the session's call; the session stays, and
 * {@code --session ID} resumes it.
 */
@Command(name = "chat", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Talk about a video: plan it, price it, render it, change clips, ask how it is "
        + "going. Tool calls and their results are shown; paid steps ask y/n first.",
        "Lines are read from standard input; 'exit' or end of input stops."},
    footer = ExitCodes.HELP)
final class ChatCommand implements Callable<Integer> {
  /** A turn that renders waits for nothing longer than this between two messages. */
  private static final long QUIET_MINUTES = 30;

  @Option(names = "--session", paramLabel = "ID",
      description = "Resume this session: its conversation so far is printed first.")
  String session = "";

  @Mixin MeshAccess access;

  @Spec CommandSpec spec;

  private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();

  @Override
  public Integer call() throws Exception {
    access.check(new Checks(spec));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
        StandardCharsets.UTF_8));
    try (Connection connection = access.open()) {
      StreamObserver<ChatClientMessage> requests = PipelineServiceGrpc.newStub(
          connection.pipeline()).chat(new StreamObserver<>() {
            @Override
            public void onNext(ChatServerMessage m) {
              inbox.add(m);
            }

            @Override
            public void onError(Throwable t) {
              inbox.add(Status.fromThrowable(t));
            }

            @Override
            public void onCompleted() {
              inbox.add(Status.OK);
            }
          });
      if (!session.isBlank()) {
        requests.onNext(ChatClientMessage.newBuilder().setSessionId(session)
            .setResume(ChatResume.getDefaultInstance()).build());
        Integer ended = replay(requests, in, out, err);
        if (ended != null) {
          return ended;
        }
      }
      while (true) {
        out.print("you> ");
        out.flush();
        String line = in.readLine();
        if (line == null || line.strip().equalsIgnoreCase("exit")
            || line.strip().equalsIgnoreCase("quit")) {
          requests.onCompleted();
          Integer ended = untilAwaiting(requests, in, out, err);
          if (!session.isBlank()) {
            err.println("session " + session + " (resume with: reelmesh chat --session "
                + session + access.flags() + ")");
          }
          return ended == null ? ExitCodes.OK : ended;
        }
        if (line.isBlank()) {
          continue;
        }
        requests.onNext(ChatClientMessage.newBuilder().setSessionId(session)
            .setText(line.strip()).build());
        Integer ended = untilAwaiting(requests, in, out, err);
        if (ended != null) {
          return ended;
        }
      }
    }
  }

  /**
   * Prints the agent's messages until it waits for the user, answering a confirmation it asks
   * for on the way. Returns the exit code once the call has ended, else null.
   */
  private Integer untilAwaiting(StreamObserver<ChatClientMessage> requests, BufferedReader in,
      PrintWriter out, PrintWriter err) throws Exception {
    while (true) {
      Object next = inbox.poll(QUIET_MINUTES, TimeUnit.MINUTES);
      if (next == null) {
        err.println("reelmesh: the agent said nothing for " + QUIET_MINUTES + " minutes");
        return ExitCodes.FAILED;
      }
      if (next instanceof Status status) {
        return ended(status, err);
      }
      ChatServerMessage m = (ChatServerMessage) next;
      show(m, out, err, false);
      if (m.getAwaitingUser()) {
        if (!waitsForConfirmation(m)) {
          return null;
        }
        confirm(m, requests, in, out);
      }
    }
  }

  /**
   * A resumed session: its conversation so far (the messages that come before the stream goes
   * quiet), and the confirmation its last message may still ask for.
   */
  private Integer replay(StreamObserver<ChatClientMessage> requests, BufferedReader in,
      PrintWriter out, PrintWriter err) throws Exception {
    ChatServerMessage last = null;
    Object next;
    while ((next = inbox.poll(1, TimeUnit.SECONDS)) != null) {
      if (next instanceof Status status) {
        return ended(status, err);
      }
      last = (ChatServerMessage) next;
      show(last, out, err, true);
    }
    if (last != null && waitsForConfirmation(last)) {
      confirm(last, requests, in, out);
      return untilAwaiting(requests, in, out, err);
    }
    return null;
  }

  private static boolean waitsForConfirmation(ChatServerMessage m) {
    return m.getAwaitingUser() && m.hasToolCall() && m.getToolCall().getNeedsConfirmation();
  }

  /** Asks y/n; anything but y or yes (end of input included) declines. */
  private void confirm(ChatServerMessage m, StreamObserver<ChatClientMessage> requests,
      BufferedReader in, PrintWriter out) throws java.io.IOException {
    out.print("  go ahead? [y/N] ");
    out.flush();
    String answer = in.readLine();
    boolean yes = answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
    requests.onNext(ChatClientMessage.newBuilder().setSessionId(session).setConfirmation(
        ChatConfirmation.newBuilder().setCallId(m.getToolCall().getCallId())
            .setApproved(yes)).build());
  }

  /** The user's own words are echoed by the server: shown only when replayed. */
  private void show(ChatServerMessage m, PrintWriter out, PrintWriter err, boolean replay) {
    if (session.isBlank()) {
      session = m.getSessionId();
      err.println("session " + session);
      err.flush();
    }
    if (!m.hasUser() || replay) {
      out.println(ChatLines.of(m));
      out.flush();
    }
  }

  private static int ended(Status status, PrintWriter err) {
    if (status.isOk()) {
      return ExitCodes.OK;
    }
    err.println("reelmesh: chat ended: " + status.getCode() + ": " + status.getDescription());
    err.flush();
    return status.getCode() == Status.Code.UNAVAILABLE ? ExitCodes.UNREACHABLE
        : ExitCodes.FAILED;
  }
}
