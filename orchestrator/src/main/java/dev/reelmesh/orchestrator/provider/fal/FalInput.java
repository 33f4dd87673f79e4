package dev.reelmesh.orchestrator.provider.fal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelmesh.orchestrator.provider.video.ClipRequest;
import dev.reelmesh.orchestrator.provider.video.FrameData;
import dev.reelmesh.orchestrator.provider.video.RemoteClip;
import dev.reelmesh.v1.AspectRatio;

/** One clip as a fal model's input, in that model's field names and types. */
final class FalInput {
  private FalInput() {}

  static ObjectNode of(FalModel model, ClipRequest request, int seconds, AspectRatio aspect,
      FrameData start, FrameData end) {
    ObjectNode input = JsonNodeFactory.instance.objectNode();
    input.put("prompt", RemoteClip.prompt(request));
    switch (model.duration()) {
      case WHOLE_SECONDS_TEXT -> input.put("duration", String.valueOf(seconds));
      case SECONDS_SUFFIX -> input.put("duration", seconds + "s");
      case FRAMES -> { } // fixed frames and rate below set the length
    }
    // fal takes data URIs wherever a file URL goes; our frames are not reachable by URL.
    input.put(model.imageField(), start.dataUrl());
    if (!model.endImageField().isEmpty() && end != null) {
      input.put(model.endImageField(), end.dataUrl());
    }
    if (!model.aspectField().isEmpty()) {
      input.put(model.aspectField(), FalModel.aspect(aspect));
    }
    String negative = RemoteClip.negative(request);
    if (model.negativePrompt() && !negative.isBlank()) {
      input.put("negative_prompt", negative);
    }
    model.fixed().forEach((field, value) -> {
      if (value instanceof Boolean b) {
        input.put(field, b);
      } else if (value instanceof Integer i) {
        input.put(field, i);
      } else {
        input.put(field, String.valueOf(value));
      }
    });
    return input;
  }
}
