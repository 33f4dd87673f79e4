package dev.reelmesh.llm.shot;

import dev.reelmesh.llm.engine.EngineFailure;
import dev.reelmesh.llm.engine.EngineRouter;
import dev.reelmesh.llm.engine.LlmEngine;
import dev.reelmesh.llm.engine.Outcome;
import dev.reelmesh.llm.engine.Priced;
import java.util.ArrayList;
import java.util.List;

/**
 * AssembleShotPrompt: sanitise the fragments, then with an LLM configured one call writes the
 * prose from the sanitised fragments and the same post-checks judge it. A failing prompt is
 * repaired once; if it still fails, the template answers and the engine report says why (the
 * router's fallback), so a prompt that fails its checks is never handed back silently.
 */
public final class ShotWriter {
  private final EngineRouter router;

  public ShotWriter(EngineRouter router) {
    this.router = router;
  }

  public Outcome<ShotPrompt> write(ShotFragments raw, boolean hasReference) {
    FragmentSanitizer.Sanitized s = FragmentSanitizer.sanitize(raw);
    return router.run(engine -> engine == router.offline()
        ? Priced.free(ShotAssembler.fromSanitized(s, hasReference)) : llm(engine, s, hasReference));
  }

  private static Priced<ShotPrompt> llm(LlmEngine engine, FragmentSanitizer.Sanitized s, boolean ref)
      throws EngineFailure {
    Priced<String> written = engine.writeShot(s.fragments(), ref);
    String prose = written.value().replaceAll("\\s+", " ").strip();
    ShotPrompt shot = ShotPrompt.of(prose, s.fragments(), ref, s.notes(), "llm", List.of());
    if (shot.allPassed()) {
      return new Priced<>(shot, written.costs());
    }
    List<String> repairs = new ArrayList<>();
    String fixed = ShotRepair.prose(prose, s.fragments(), ref, repairs);
    ShotPrompt repaired = ShotPrompt.of(fixed, s.fragments(), ref, s.notes(), "llm_repaired", repairs);
    if (!repairs.isEmpty() && repaired.allPassed()) {
      return new Priced<>(repaired, written.costs());
    }
    throw new EngineFailure("the LLM's shot prompt failed its checks: "
        + String.join(", ", ShotRepair.names(ShotChecks.failed(repaired.checks())))
        + (repairs.isEmpty() ? ", not repairable" : " even after repair (" + String.join("; ", repairs) + ")")
        + "; template prompt used", written.costs(), null);
  }
}
