package dev.reelmesh.common.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelmesh.common.auth.AuthConfig;
import dev.reelmesh.common.testing.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NetworkSecurityTest {
  @Test
  void loopbackNeedsNothingAndAnyOtherAddressNeedsAuthOrInsecure() {
    NetworkSecurity none = NetworkSecurity.fromEnv(Map.of());
    assertThat(none.checkListen("127.0.0.1", false)).isEmpty();
    assertThat(none.checkListen("localhost", false)).isEmpty();
    assertThat(none.checkListen("::1", false)).isEmpty();
    assertThat(none.interceptor().verifiesTokens()).isFalse();
    assertThatThrownBy(() -> none.checkListen("0.0.0.0", false))
        .hasMessageContaining("--insecure").hasMessageContaining(AuthConfig.SECRET);
    assertThat(none.checkListen("0.0.0.0", true)).hasValueSatisfying(
        w -> assertThat(w).contains("anyone"));
    NetworkSecurity auth = NetworkSecurity.fromEnv(Map.of(AuthConfig.SECRET, TestTokens.SECRET));
    assertThat(auth.interceptor().verifiesTokens()).isTrue();
    assertThat(auth.checkListen("0.0.0.0", false)).hasValueSatisfying(
        w -> assertThat(w).contains("plain text"));
  }
}
