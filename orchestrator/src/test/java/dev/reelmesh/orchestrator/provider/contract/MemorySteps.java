package dev.reelmesh.orchestrator.provider.contract;

import dev.reelmesh.orchestrator.store.JobStore;
import dev.reelmesh.orchestrator.store.StepMemo;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Step results in memory, for provider tests that need a StepMemo and nothing else of the
 * store; any other store call fails the test loudly.
 */
final class MemorySteps {
  final Map<String, byte[]> steps = new ConcurrentHashMap<>();
  final StepMemo memo;

  MemorySteps(String jobId) {
    JobStore store = (JobStore) Proxy.newProxyInstance(JobStore.class.getClassLoader(),
        new Class<?>[] {JobStore.class}, (proxy, method, args) -> switch (method.getName()) {
          case "step" -> steps.get((String) args[1]);
          case "putStep" -> {
            steps.put((String) args[1], (byte[]) args[2]);
            yield null;
          }
          case "forgetSteps" -> {
            steps.keySet().removeIf(k -> k.startsWith((String) args[1]));
            yield null;
          }
          default -> throw new UnsupportedOperationException("not in a provider test: "
              + method.getName());
        });
    this.memo = new StepMemo(store, jobId);
  }
}
