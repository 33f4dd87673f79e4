package dev.reelmesh.llm;

import static dev.reelmesh.common.error.Statuses.invalid;

import dev.reelmesh.llm.clipprompt.ClipPromptSet;
import dev.reelmesh.llm.clipprompt.GeneratedClipPrompt;
import dev.reelmesh.llm.clipprompt.Reference;
import dev.reelmesh.v1.ClipPrompt;
import dev.reelmesh.v1.ClipPromptMetadata;
import dev.reelmesh.v1.ClipPrompts;
import dev.reelmesh.v1.ReferenceImage;
import dev.reelmesh.v1.ReferenceMode;
import java.util.ArrayList;
import java.util.List;

/** ReferenceImage and ClipPrompts at the edge. */
final class ClipPromptProtos {
  private ClipPromptProtos() {}

  static List<Reference> references(List<ReferenceImage> images) {
    List<Reference> out = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      ReferenceImage r = images.get(i);
      Reference.Kind kind = switch (r.getKind()) {
        case KIND_SCENE -> Reference.Kind.SCENE;
        case KIND_CHARACTER -> Reference.Kind.CHARACTER;
        case KIND_PRODUCT -> Reference.Kind.PRODUCT;
        case KIND_UNSPECIFIED, UNRECOGNIZED -> throw invalid("references[" + i + "].kind",
            "must be KIND_SCENE, KIND_CHARACTER or KIND_PRODUCT");
      };
      out.add(new Reference(kind, r.getTargetId(), r.getUrl(), r.getArtifact().getUri()));
    }
    return out;
  }

  static ClipPrompts prompts(ClipPromptSet set) {
    ClipPrompts.Builder b = ClipPrompts.newBuilder().addAllStyleKeywords(set.styleKeywords())
        .setNegativePrompt(set.negativePrompt()).setGenerationMs(set.generationMs())
        .addAllValidationNotes(set.validationNotes());
    for (GeneratedClipPrompt p : set.prompts()) {
      b.addPrompts(ClipPrompt.newBuilder().setClipIndex(p.clipIndex()).setPrompt(p.prompt())
          .setNegativePrompt(p.negativePrompt()).setDurationSeconds(p.durationSeconds())
          .setSceneReferenceUrl(p.sceneUrl()).addAllCharacterReferenceUrls(p.characterUrls())
          .setMetadata(ClipPromptMetadata.newBuilder().setWordCount(p.wordCount())
              .addAllStyleKeywords(p.styleKeywords()).setSceneId(p.sceneId())
              .addAllCharacterIds(p.characterIds()).setReferenceMode(mode(p.referenceMode()))
              .setValidated(p.validated())));
    }
    return b.build();
  }

  private static ReferenceMode mode(dev.reelmesh.llm.clipprompt.ReferenceMode m) {
    return switch (m) {
      case SCENE -> ReferenceMode.REFERENCE_MODE_SCENE;
      case CHARACTER -> ReferenceMode.REFERENCE_MODE_CHARACTER;
      case TEXT_ONLY -> ReferenceMode.REFERENCE_MODE_TEXT_ONLY;
    };
  }
}
