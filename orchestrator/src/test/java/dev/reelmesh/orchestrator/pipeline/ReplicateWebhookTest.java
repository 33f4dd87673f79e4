package dev.reelmesh.orchestrator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.orchestrator.provider.remote.CallTimings;
import dev.reelmesh.orchestrator.provider.replicate.ReplicateConfig;
import dev.reelmesh.orchestrator.provider.replicate.ReplicateEntry;
import dev.reelmesh.orchestrator.provider.webhook.Wakeups;
import dev.reelmesh.orchestrator.provider.webhook.WebhookReceiver;
import dev.reelmesh.orchestrator.provider.webhook.WebhookSettings;
import dev.reelmesh.orchestrator.provider.webhook.Webhooks;
import dev.reelmesh.orchestrator.testing.FakeReplicate;
import dev.reelmesh.orchestrator.testing.TestMedia;
import dev.reelmesh.orchestrator.testing.TestMesh;
import dev.reelmesh.orchestrator.testing.TestRegistries;
import dev.reelmesh.v1.Job;
import dev.reelmesh.v1.JobSpec;
import dev.reelmesh.v1.JobState;
import dev.reelmesh.v1.SubmitJobRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the receiver on, a prediction is created with its webhook, and a verified completion
 * callback ends the poller's wait: polls here are 10 minutes apart, so the job finishes within
 * the test's timeout only because the callback woke it.
 */
class ReplicateWebhookTest {
  static final byte[] KEY = "reelmesh-test-signing-key-32byte".getBytes(StandardCharsets.UTF_8);
  @TempDir Path dir;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aVerifiedCallbackShortensTheWait() throws Exception {
    Webhooks hooks = new Webhooks(new WebhookSettings(Optional.of(0), "127.0.0.1",
        Optional.of("https://hooks.example"), Optional.of("whsec_"
            + Base64.getEncoder().encodeToString(KEY)), URI.create("http://127.0.0.1:9/none")),
        new Wakeups());
    try (FakeReplicate fake = FakeReplicate.start();
        WebhookReceiver receiver = WebhookReceiver.start(hooks, Clock.systemUTC())) {
      ReplicateConfig fast = ReplicateConfig.fromEnv(Map.of(
          ReplicateConfig.TOKEN_VARIABLE, ReplicateJobTest.TOKEN,
          ReplicateConfig.BASE_URL_VARIABLE, fake.baseUrl(),
          ReplicateConfig.MODEL_VARIABLE, "acme/image-to-video",
          ReplicateConfig.INPUT_VARIABLE, ReplicateJobTest.INPUT)).withFastTimings();
      CallTimings t = fast.timings();
      ReplicateConfig slowPolls = fast.withTimings(new CallTimings(t.timeout(), t.maxAttempts(),
          t.backoffBase(), t.backoffMax(), Duration.ofMinutes(10), Duration.ofMinutes(10),
          Duration.ofMinutes(30)));
      fake.ready = false;
      try (TestMesh mesh = TestMesh.start(dir, null, TestRegistries.with(List.of(
          new ReplicateEntry(slowPolls, hooks))))) {
        fake.mp4 = TestMedia.mp4(mesh, 8);
        JobSpec.Builder spec = ReplicateJobTest.spec().setMaxParallelClips(1);
        String id = mesh.pipeline().submitJob(SubmitJobRequest.newBuilder().setSpec(spec)
            .build()).getJobId();
        while (fake.count(FakeReplicate.GET) < 1) {
          Thread.sleep(20);
        }
        // The first poll found it processing; the poller now waits 10 minutes, unless woken.
        Thread.sleep(200);
        assertThat(fake.count(FakeReplicate.GET)).isEqualTo(1);
        fake.ready = true;
        assertThat(callback(receiver, "pred1", KEY)).isEqualTo(204);
        mesh.watchToEnd(id, 0);
        Job job = mesh.job(id);
        assertThat(job.getState()).as(job.getError().getMessage())
            .isEqualTo(JobState.JOB_STATE_SUCCEEDED);
        assertThat(fake.webhooks).isNotEmpty()
            .containsOnly("https://hooks.example/webhooks/replicate");
      }
    }
  }

  /** Replicate's completion callback for {@code prediction}, signed with {@code key}. */
  static int callback(WebhookReceiver receiver, String prediction, byte[] key)
      throws Exception {
    String body = "{\"id\": \"" + prediction + "\", \"status\": \"succeeded\"}";
    long now = System.currentTimeMillis() / 1000;
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
    String signature = Base64.getEncoder().encodeToString(mac.doFinal(("msg_" + prediction + "."
        + now + "." + body).getBytes(StandardCharsets.UTF_8)));
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + receiver.port() + "/webhooks/replicate"))
        .header("webhook-id", "msg_" + prediction)
        .header("webhook-timestamp", String.valueOf(now))
        .header("webhook-signature", "v1," + signature)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
