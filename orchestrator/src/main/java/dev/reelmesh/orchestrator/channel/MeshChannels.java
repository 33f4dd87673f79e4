package dev.reelmesh.orchestrator.channel;

import io.grpc.Channel;

/**
 * Channels from the orchestrator to the other services. They are {@link Channel}s, not
 * ManagedChannels: whoever made them shuts them down, never the pipeline.
 */
public record MeshChannels(Channel llm, Channel scoring, Channel media) {}
