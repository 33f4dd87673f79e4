package dev.reelmesh.common.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTokenTest {
  private static final String SECRET = "scrape-secret-0123456789";
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(MetricsEndpoint endpoint, String authorization)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aScrapeWithoutTheTokenIsRefusedWith401AndTheRightOneIsServed() throws Exception {
    MetricsToken token = MetricsToken.fromEnv(Map.of(MetricsToken.VARIABLE, SECRET));
    try (MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, token)) {
      HttpResponse<String> none = get(endpoint, null);
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
          v -> assertThat(v).startsWith("Bearer"));
      assertThat(none.body()).doesNotContain("jvm_");
      assertThat(get(endpoint, "Bearer wrong-secret-0123456789").statusCode()).isEqualTo(401);
      assertThat(get(endpoint, "Bearer " + SECRET + "x").statusCode()).isEqualTo(401);
      assertThat(get(endpoint, SECRET).statusCode()).isEqualTo(401);
      HttpResponse<String> ok = get(endpoint, "Bearer " + SECRET);
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).contains("jvm_threads_live_threads");
    }
  }

  @Test
  void withoutTheVariableEveryScrapeIsAnswered() throws Exception {
    MetricsToken token = MetricsToken.fromEnv(Map.of());
    assertThat(token.required()).isFalse();
    try (MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0, token)) {
      assertThat(get(endpoint, null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aShortOrPaddedTokenIsRefusedNamingTheVariable() {
    assertThatThrownBy(() -> MetricsToken.fromEnv(Map.of(MetricsToken.VARIABLE, "short")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("REELMESH_METRICS_TOKEN must be at least 16 characters");
    assertThatThrownBy(() -> MetricsToken.fromEnv(Map.of(MetricsToken.VARIABLE,
        " " + SECRET))).hasMessageContaining("without surrounding spaces");
    assertThat(MetricsToken.fromEnv(Map.of(MetricsToken.VARIABLE, SECRET)).toString())
        .doesNotContain(SECRET);
  }
}
