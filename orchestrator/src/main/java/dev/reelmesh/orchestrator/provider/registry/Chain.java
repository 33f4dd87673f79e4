package dev.reelmesh.orchestrator.provider.registry;

import dev.reelmesh.orchestrator.spec.ProviderChain;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One job's run through a role's fallback chain. The first element that is configured is used;
 * one that is not, or that answers {@link ModelUnavailable}, is passed over for the rest of the
 * run (clips render in parallel: the first to meet it moves the chain, once) with a fallback
 * event. Providers are created on first use, so an element never reached is never built.
 */
final class Chain<E extends ProviderEntry, P> {
  /** How an entry of this role makes its provider. */
  interface Maker<E, P> {
    P make(E entry, String model, ProviderResources resources);
  }

  /** A call on the provider in use. */
  interface Call<P, T> {
    T on(Use<P> use) throws Exception;
  }

  /** The element in use: its place in the chain, its provider and what its model accepts. */
  record Use<P>(int index, String text, P provider, Capabilities capabilities) {}

  private record Link<E>(ProviderChain.Link choice, E entry) {}

  private final Role role;
  private final String text;
  private final List<Link<E>> links = new ArrayList<>();
  private final List<P> made;
  private final AtomicInteger at = new AtomicInteger();
  private final List<String> passed = Collections.synchronizedList(new ArrayList<>());
  private final Maker<E, P> maker;
  private final ProviderResources resources;
  private final FallbackReport report;

  Chain(Role role, Class<E> type, ProviderRegistry registry, String choice, Maker<E, P> maker,
      ProviderResources resources, FallbackReport report) {
    this.role = role;
    ProviderChain chain = ProviderChain.parse(choice.isBlank()
        ? registry.defaultName(role.field()) : choice);
    this.text = chain.text();
    for (ProviderChain.Link link : chain.links()) {
      links.add(new Link<>(link, registry.find(role, link.name()).filter(type::isInstance)
          .map(type::cast).orElse(null)));
    }
    this.made = new ArrayList<>(Collections.nCopies(links.size(), null));
    this.maker = maker;
    this.resources = resources;
    this.report = report;
  }

  /** The name of the element in use (or the last one), without building anything. */
  String name() {
    Link<E> link = links.get(Math.min(at.get(), links.size() - 1));
    return link.choice().name();
  }

  /** The element in use, passing over the ones that are not configured. */
  Use<P> use() {
    while (true) {
      int i = at.get();
      if (i >= links.size()) {
        throw Status.FAILED_PRECONDITION.withDescription("spec.providers." + role.field()
            + ": no provider of '" + text + "' can be used: " + String.join("; ", passed))
            .asRuntimeException();
      }
      Link<E> link = links.get(i);
      Optional<String> missing = link.entry() == null
          ? Optional.of("no " + role.field() + " provider '" + link.choice().name()
              + "' is registered")
          : link.entry().missing(link.choice().model());
      if (missing.isPresent()) {
        passOver(i, missing.get(), -1);
        continue;
      }
      return new Use<>(i, link.choice().text(), made(i),
          link.entry().capabilities(link.choice().model()));
    }
  }

  private synchronized P made(int i) {
    if (made.get(i) == null) {
      Link<E> link = links.get(i);
      made.set(i, maker.make(link.entry(), link.choice().model(), resources));
    }
    return made.get(i);
  }

  /** Runs {@code call} on the element in use, moving on while models are unavailable. */
  <T> T call(int clip, Call<P, T> call) throws Exception {
    while (true) {
      Use<P> use = use();
      try {
        return call.on(use);
      } catch (ModelUnavailable e) {
        passOver(use.index(), e.getMessage(), clip);
      }
    }
  }

  /**
   * Synchronized so the move and its event go together: a clip that meets the next element only
   * after this move cannot report passing it before this move is reported (events in chain order).
   */
  private synchronized void passOver(int i, String reason, int clip) {
    if (!at.compareAndSet(i, i + 1)) {
      return; // another clip moved the chain past it already
    }
    passed.add(reason);
    if (i + 1 < links.size()) {
      report.fellBack(role, links.get(i).choice().text(), links.get(i + 1).choice().text(),
          reason, clip);
    }
  }
}
