package dev.reelmesh.common.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.common.testing.InProcessService;
import dev.reelmesh.v1.LlmServiceGrpc;
import dev.reelmesh.v1.PlanScriptRequest;
import dev.reelmesh.v1.PlanScriptResponse;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BlockingCallsTest {
  /** Work that waits until its context ends (or a release), recording what it saw. */
  static final class Waiting extends LlmServiceGrpc.LlmServiceImplBase {
    final BlockingCalls calls;
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch stopped = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicReference<Deadline> seen = new AtomicReference<>();

    Waiting(BlockingCalls calls) {
      this.calls = calls;
    }

    @Override
    public void planScript(PlanScriptRequest request, StreamObserver<PlanScriptResponse> out) {
      calls.unary(out, () -> {
        seen.set(Context.current().getDeadline());
        started.countDown();
        Context.current().addListener(c -> stopped.countDown(), Runnable::run);
        try {
          // Cooperative work: stops when released or when its context ends.
          for (int i = 0; i < 3000 && !Context.current().isCancelled(); i++) {
            if (release.await(10, TimeUnit.MILLISECONDS)) {
              break;
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return PlanScriptResponse.getDefaultInstance();
      });
    }
  }

  private static Status.Code codeOf(Runnable call) {
    try {
      call.run();
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
  }

  @Test
  void theCallersDeadlineReachesTheWorkAndStopsIt() throws Exception {
    try (BlockingCalls calls = new BlockingCalls("test", 1, 0, Duration.ofMinutes(5))) {
      Waiting service = new Waiting(calls);
      try (InProcessService served = InProcessService.start(service)) {
        Status.Code code = codeOf(() -> LlmServiceGrpc.newBlockingStub(served.channel())
            .withDeadlineAfter(300, TimeUnit.MILLISECONDS)
            .planScript(PlanScriptRequest.getDefaultInstance()));
        assertThat(code).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        assertThat(service.stopped.await(5, TimeUnit.SECONDS))
            .as("the work's context was cancelled by the deadline").isTrue();
        assertThat(service.seen.get().timeRemaining(TimeUnit.SECONDS)).isLessThan(1);
      }
    }
  }

  @Test
  void aCallWithoutADeadlineGetsTheDefaultOne() throws Exception {
    try (BlockingCalls calls = new BlockingCalls("test", 1, 0, Duration.ofMillis(300))) {
      Waiting service = new Waiting(calls);
      try (InProcessService served = InProcessService.start(service)) {
        assertThatThrownBy(() -> LlmServiceGrpc.newBlockingStub(served.channel())
            .planScript(PlanScriptRequest.getDefaultInstance()))
            .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
              assertThat(e.getStatus().getDescription()).contains("test: the call ran past");
            });
        assertThat(service.stopped.await(5, TimeUnit.SECONDS)).isTrue();
      }
    }
  }

  @Test
  void aFullPoolAnswersResourceExhaustedAndServesAgainOnceFree() throws Exception {
    try (BlockingCalls calls = new BlockingCalls("busy-service", 1, 0, Duration.ofMinutes(1))) {
      Waiting service = new Waiting(calls);
      try (InProcessService served = InProcessService.start(service)) {
        LlmServiceGrpc.LlmServiceFutureStub async = LlmServiceGrpc.newFutureStub(served.channel());
        var first = async.planScript(PlanScriptRequest.getDefaultInstance());
        assertThat(service.started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> LlmServiceGrpc.newBlockingStub(served.channel())
            .planScript(PlanScriptRequest.getDefaultInstance()))
            .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
              assertThat(e.getStatus().getDescription()).startsWith("busy-service is at capacity");
            });
        service.release.countDown();
        first.get(5, TimeUnit.SECONDS);
        // The worker frees itself just after it answered; within a moment the pool serves again.
        Status.Code again = Status.Code.UNKNOWN;
        for (long end = System.nanoTime() + 5_000_000_000L;
            again != Status.Code.OK && System.nanoTime() < end; Thread.sleep(10)) {
          again = codeOf(() -> LlmServiceGrpc.newBlockingStub(served.channel())
              .planScript(PlanScriptRequest.getDefaultInstance()));
        }
        assertThat(again).isEqualTo(Status.Code.OK);
      }
    }
  }

  @Test
  void aCallCancelledWhileQueuedNeverRuns() throws Exception {
    try (BlockingCalls calls = new BlockingCalls("test", 1, 4, Duration.ofMinutes(1))) {
      Waiting service = new Waiting(calls);
      try (InProcessService served = InProcessService.start(service)) {
        var first = LlmServiceGrpc.newFutureStub(served.channel())
            .planScript(PlanScriptRequest.getDefaultInstance());
        assertThat(service.started.await(5, TimeUnit.SECONDS)).isTrue();
        Status.Code queued = codeOf(() -> LlmServiceGrpc.newBlockingStub(served.channel())
            .withDeadlineAfter(200, TimeUnit.MILLISECONDS)
            .planScript(PlanScriptRequest.getDefaultInstance()));
        assertThat(queued).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        service.release.countDown();
        first.get(5, TimeUnit.SECONDS);
        // Only the first call's work ran: the queued one was skipped, not run late.
        assertThat(service.started.getCount()).isZero();
      }
    }
  }
}
