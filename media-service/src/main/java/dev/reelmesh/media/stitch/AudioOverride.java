package dev.reelmesh.media.stitch;

import java.util.List;

/**
 * Sound that replaces the clips' own in a re-encoding stitch (a finished soundtrack). Its
 * {@code inputs} are numbered after the clips; {@code graph} reads them and defines
 * {@code [aout]}; {@code extraOutputs} go after the video file (a meter, say).
 */
public record AudioOverride(List<String> inputs, String graph, List<String> extraOutputs) {}
