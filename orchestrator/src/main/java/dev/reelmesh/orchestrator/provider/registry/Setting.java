package dev.reelmesh.orchestrator.provider.registry;

/**
 * One setting a provider reads from the orchestrator's environment (or secrets file), so
 * {@code doctor} and the docs can list it without reading its value.
 *
 * @param variable the environment variable ("FAL_KEY")
 * @param required whether the provider cannot be used without it
 * @param secret whether its value must never be printed or logged
 * @param meaning what it is for, in a person's words
 */
public record Setting(String variable, boolean required, boolean secret, String meaning) {
  public static Setting secret(String variable, String meaning) {
    return new Setting(variable, true, true, meaning);
  }

  public static Setting optional(String variable, String meaning) {
    return new Setting(variable, false, false, meaning);
  }
}
