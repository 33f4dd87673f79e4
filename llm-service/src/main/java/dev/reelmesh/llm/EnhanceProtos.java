package dev.reelmesh.llm;

import dev.reelmesh.llm.engine.Outcome;
import dev.reelmesh.llm.enhance.EnhanceRequest;
import dev.reelmesh.llm.enhance.EnhanceResult;
import dev.reelmesh.llm.enhance.EnhanceTrace;
import dev.reelmesh.v1.EnhancePromptResponse;
import dev.reelmesh.v1.EnhanceRound;
import dev.reelmesh.v1.TraceFile;

/** EnhancePrompt's answer at the edge: the result, its rounds and its trace. */
final class EnhanceProtos {
  private EnhanceProtos() {}

  static EnhancePromptResponse response(EnhanceRequest request, Outcome<EnhanceResult> o, long t0) {
    EnhanceResult result = o.value();
    EnhancePromptResponse.Builder b = EnhancePromptResponse.newBuilder()
        .setEnhancedPrompt(result.enhancedPrompt()).setFinalScore(result.finalScore())
        .setStopReason(result.stopReason()).setEngine(EngineProtos.info(o.engine(), t0))
        .addAllCost(EngineProtos.costs(o.costs()));
    result.rounds().forEach(round -> b.addRounds(EnhanceRound.newBuilder().setRound(round.round())
        .setPrompt(round.prompt()).setCriticScore(round.criticScore()).setCritique(round.critique())));
    EnhanceTrace trace = EnhanceTrace.of(request, result, o.engine());
    dev.reelmesh.v1.EnhanceTrace.Builder t = dev.reelmesh.v1.EnhanceTrace.newBuilder()
        .setOriginalPrompt(trace.originalPrompt()).setOriginalScore(trace.originalScore())
        .setOriginalCritique(trace.originalCritique()).setFinalPrompt(trace.finalPrompt())
        .setSummaryJson(trace.summaryJson());
    trace.files().forEach(file -> t.addFiles(TraceFile.newBuilder().setName(file.name())
        .setMediaType(file.mediaType()).setContent(file.content())));
    return b.setTrace(t).build();
  }
}
