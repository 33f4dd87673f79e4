package dev.reelmesh.common.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class ServiceMainTest {
  @Test
  void aPublicHostWithoutAuthenticationIsRefusedInOneLineBeforeAnythingStarts() {
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true));
    int code;
    try {
      code = ServiceMain.run("test-service", 0, settings -> {
        throw new AssertionError("no service is built for a refused address");
      }, new String[] {"--host", "0.0.0.0", "--data", "target/service-main-test"});
    } finally {
      System.setErr(err);
    }
    assertThat(code).isEqualTo(1);
    assertThat(captured.toString()).startsWith("test-service: --host 0.0.0.0")
        .contains("--insecure");
  }
}
