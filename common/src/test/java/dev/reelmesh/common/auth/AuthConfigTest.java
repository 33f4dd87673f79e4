package dev.reelmesh.common.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import dev.reelmesh.common.testing.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthConfigTest {
  @TempDir Path dir;

  @Test
  void offWithoutKeysAndEachMistakeNamesItsVariable() throws Exception {
    assertThat(AuthConfig.fromEnv(Map.of()).enabled()).isFalse();
    assertThatThrownBy(() -> AuthConfig.fromEnv(Map.of(AuthConfig.SECRET, "short")))
        .hasMessageContaining(AuthConfig.SECRET).hasMessageContaining("at least 32 bytes");
    Files.writeString(dir.resolve("not.pem"), "hello");
    assertThatThrownBy(() -> AuthConfig.fromEnv(Map.of(AuthConfig.PUBLIC_KEYS,
        dir.resolve("not.pem").toString()))).hasMessageContaining(AuthConfig.PUBLIC_KEYS)
        .hasMessageContaining("BEGIN PUBLIC KEY");
    assertThatThrownBy(() -> AuthConfig.fromEnv(Map.of(AuthConfig.JWKS,
        dir.resolve("missing.json").toString()))).hasMessageContaining(AuthConfig.JWKS);
  }

  @Test
  void aJwksFileOfPublicKeysVerifiesTokensAndOneWithAPrivateKeyIsRefused() throws Exception {
    TestTokens tokens = new TestTokens(dir);
    RSAKey rsa = new RSAKey.Builder((RSAPublicKey) tokens.rsa.getPublic()).keyID("k1").build();
    Path jwks = Files.writeString(dir.resolve("jwks.json"), new JWKSet(rsa).toString());
    AuthConfig config = AuthConfig.fromEnv(Map.of(AuthConfig.JWKS, jwks.toString()));
    assertThat(config.enabled()).isTrue();
    assertThat(new TokenVerifier(config).verify(TestTokens.rs256(tokens.rsa,
        TestTokens.claims("s", "t1", "submit").build())).tenant()).isEqualTo("t1");
    // With only public keys, an HS256 token signed with the public key as secret never passes.
    String confused = TestTokens.hs256(new String(tokens.rsa.getPublic().getEncoded(),
        java.nio.charset.StandardCharsets.ISO_8859_1), TestTokens.claims("m", "m", "admin")
        .build());
    assertThatThrownBy(() -> new TokenVerifier(config).verify(confused))
        .hasMessageContaining("refused");
    RSAKey withPrivate = new RSAKey.Builder(rsa).privateKey(tokens.rsa.getPrivate()).build();
    Path leaked = Files.writeString(dir.resolve("leaked.json"),
        new JWKSet(withPrivate).toString(false));
    assertThatThrownBy(() -> AuthConfig.fromEnv(Map.of(AuthConfig.JWKS, leaked.toString())))
        .hasMessageContaining("private key");
  }
}
