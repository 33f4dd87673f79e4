package dev.reelmesh.orchestrator.spec;

import dev.reelmesh.v1.AspectRatio;
import java.util.List;
import java.util.Optional;

/**
 * What JobSpecs asks about the media providers (the provider registry answers): which names a
 * role knows, which of them a job may choose here, and which cost money. An interface of this
 * package, so the spec depends on no provider code.
 */
public interface ProviderCatalog {
  /** The names a job may give for {@code role} ("image", "video", "speech"), in order. */
  List<String> names(String role);

  /** The provider a job gets when it names none: the first built-in engine of the role. */
  String defaultName(String role);

  /**
   * Empty when a job may use {@code name} with {@code model} ("" = its default) here; otherwise
   * what to set, in words a person can act on. Asked only for names the role knows.
   */
  Optional<String> missing(String role, String name, String model);

  /**
   * Empty when the provider's {@code model} renders {@code aspect}; otherwise why not. Asked
   * only for names the role knows.
   */
  default Optional<String> refuses(String role, String name, String model, AspectRatio aspect) {
    return Optional.empty();
  }

  /** Whether the provider's calls cost money. */
  boolean paid(String role, String name);
}
