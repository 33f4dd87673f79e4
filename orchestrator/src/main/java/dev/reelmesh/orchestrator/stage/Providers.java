package dev.reelmesh.orchestrator.stage;

import dev.reelmesh.orchestrator.provider.image.ImageProvider;
import dev.reelmesh.orchestrator.provider.speech.SpeechProvider;
import dev.reelmesh.orchestrator.provider.video.VideoProvider;

/** The engines a job's stages call, chosen from the spec's provider names. */
public record Providers(ImageProvider image, VideoProvider video, SpeechProvider speech) {}
