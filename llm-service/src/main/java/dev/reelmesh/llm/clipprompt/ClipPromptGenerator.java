package dev.reelmesh.llm.clipprompt;

import dev.reelmesh.llm.engine.Cost;
import dev.reelmesh.llm.engine.EngineFailure;
import dev.reelmesh.llm.engine.EngineReport;
import dev.reelmesh.llm.engine.EngineRouter;
import dev.reelmesh.llm.engine.LlmEngine;
import dev.reelmesh.llm.engine.Outcome;
import dev.reelmesh.llm.engine.Priced;
import dev.reelmesh.llm.plan.Plan;
import dev.reelmesh.llm.plan.PlanCharacter;
import dev.reelmesh.llm.plan.PlanClip;
import dev.reelmesh.llm.plan.VideoFamily;
import dev.reelmesh.llm.shot.ShotChecks;
import dev.reelmesh.llm.shot.ShotPrompt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Prompt Generator: templates for every clip, then (when an LLM is configured and allowed)
 * ONE batch call that rewrites them all, then the validator. Any LLM failure or refused output
 * falls back to the validated templates, and the answer says so.
 */
public final class ClipPromptGenerator {
  private final EngineRouter router;

  public ClipPromptGenerator(EngineRouter router) {
    this.router = router;
  }

  public Outcome<ClipPromptSet> generate(Plan plan, List<Reference> references, VideoFamily family,
      boolean templatesOnly) {
    long t0 = System.nanoTime();
    List<String> keywords = StyleKeywords.extract(plan.style());
    String negative = NegativePrompt.forStyle(plan.style());
    Map<Integer, ClipReferences> refs = ReferenceMapper.map(plan, references);
    List<GeneratedClipPrompt> drafts = new ArrayList<>();
    List<String> shotNotes = new ArrayList<>();
    for (PlanClip clip : plan.clips()) {
      ClipReferences r = refs.get(clip.index());
      if (family == VideoFamily.SORA) {
        shotNotes.addAll(shotNotes(clip.index(), SoraClipPrompt.shot(plan, clip, r)));
      }
      String text = ClipPromptTemplates.build(plan, clip, r, keywords, family);
      drafts.add(new GeneratedClipPrompt(clip.index(), text, negative, clip.durationSeconds(),
          r.sceneUrl(), r.characterUrls(), Words.count(text), keywords, clip.locationId(),
          clip.characterIds(), r.mode(), false));
    }
    ValidationResult templates = ClipPromptValidator.validate(plan, drafts, keywords, negative, PromptLength.of(family));
    if (!templates.accepted()) {
      throw new IllegalStateException("template prompts failed validation: " + templates.refusal());
    }
    EngineReport report = EngineReport.offline();
    List<Cost> costs = List.of();
    ValidationResult chosen = templates;
    if (!templatesOnly && router.useLlm()) {
      LlmEngine llm = router.primary();
      try {
        Priced<List<String>> polished = llm.polishClipPrompts(batch(plan, drafts, keywords, family));
        costs = polished.costs();
        ValidationResult checked = ClipPromptValidator.validate(plan,
            merge(drafts, polished.value()), keywords, negative, PromptLength.of(family));
        if (checked.accepted()) {
          chosen = checked;
          report = new EngineReport(llm.name(), llm.model(), false, "");
        } else {
          report = EngineReport.fallback(llm.name() + " (" + llm.model()
              + ") output refused by the validator: " + checked.refusal() + "; template prompts used");
        }
      } catch (EngineFailure e) {
        costs = e.costs();
        report = EngineReport.fallback(llm.name() + " (" + llm.model() + ") failed: "
            + e.getMessage() + "; template prompts used");
      }
    }
    double ms = (System.nanoTime() - t0) / 1e6;
    List<String> notes = new ArrayList<>(shotNotes);
    notes.addAll(chosen.notes());
    return new Outcome<>(new ClipPromptSet(chosen.prompts(), keywords, negative, ms, notes), report, costs);
  }

  /** A Sora-style shot that needed a repair or still fails a check says so in the notes. */
  static List<String> shotNotes(int index, ShotPrompt shot) {
    List<String> notes = new ArrayList<>();
    shot.repairs().forEach(r -> notes.add("clip " + index + ": shot repaired: " + r));
    ShotChecks.failed(shot.checks()).forEach(c -> notes.add("clip " + index + ": shot check " + c.name()
        + " failed (" + c.detail() + ")"));
    return notes;
  }

  /** The LLM's texts on the template entries; a count mismatch is left for the validator to refuse. */
  private static List<GeneratedClipPrompt> merge(List<GeneratedClipPrompt> drafts, List<String> texts) {
    if (texts.size() != drafts.size()) {
      List<GeneratedClipPrompt> wrong = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        wrong.add(drafts.get(Math.min(i, drafts.size() - 1)).withPrompt(texts.get(i)));
      }
      return wrong;
    }
    List<GeneratedClipPrompt> out = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      out.add(drafts.get(i).withPrompt(texts.get(i)));
    }
    return out;
  }

  static ClipPromptBatch batch(Plan plan, List<GeneratedClipPrompt> drafts, List<String> keywords,
      VideoFamily family) {
    List<ClipPromptBatch.Entry> entries = new ArrayList<>();
    for (GeneratedClipPrompt d : drafts) {
      PlanClip c = plan.clips().get(d.clipIndex());
      List<String> descriptions = c.characterIds().stream()
          .map(id -> plan.character(id).map(PlanCharacter::description).orElse("")).toList();
      entries.add(new ClipPromptBatch.Entry(d.clipIndex(), d.prompt(), c.visualDescription(),
          c.motion(), c.camera(), c.locationId(), c.characterIds(), descriptions,
          d.durationSeconds(), BeatLevel.of(c.beatIntensity()).label(),
          d.referenceMode().name().toLowerCase(java.util.Locale.ROOT)));
    }
    PromptLength length = PromptLength.of(family);
    return new ClipPromptBatch(entries, keywords, length.min(), length.max(), length.style());
  }
}
