package dev.reelmesh.media.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.FfmpegException;
import dev.reelmesh.media.ffmpeg.FfmpegRunner;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** ffprobe {@code -of json}, parsed into {@link MediaInfo}. */
public final class Prober {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final FfmpegRunner runner;

  public Prober(FfmpegRunner runner) {
    this.runner = runner;
  }

  /**
   * Probes {@code file}; {@code field} names the request field in errors. A file FFmpeg cannot
   * read answers INVALID_ARGUMENT with FFmpeg's own reason, and so does a truncated one: every
   * packet is read (demuxed, not decoded: milliseconds for a clip), and a stream with fewer
   * packets than its container declares was cut short — an MP4 whose index sits at the front
   * otherwise probes as whole, with the full length, however much of it is missing.
   */
  public MediaInfo probe(String field, Path file, Cancellation cancel) {
    String json;
    try {
      json = runner.ffprobe("probe " + field, List.of("-of", "json", "-count_packets",
          "-show_format", "-show_streams", file.toString()), cancel);
    } catch (FfmpegException e) {
      throw Status.INVALID_ARGUMENT
          .withDescription(field + ": not readable media (" + e.reason() + ")")
          .asRuntimeException();
    }
    try {
      JsonNode root = JSON.readTree(json);
      String cut = truncation(root);
      if (cut != null) {
        throw Status.INVALID_ARGUMENT.withDescription(field + ": the file is truncated (" + cut
            + ")").asRuntimeException();
      }
      return parse(root, Files.size(file));
    } catch (IOException e) {
      throw Status.INTERNAL.withDescription("cannot parse ffprobe output for " + field)
          .withCause(e).asRuntimeException();
    }
  }

  static MediaInfo parse(JsonNode root, long size) {
    JsonNode format = root.path("format");
    List<StreamMeta> streams = new ArrayList<>();
    for (JsonNode s : root.path("streams")) {
      String type = s.path("codec_type").asText("data");
      streams.add(new StreamMeta(s.path("index").asInt(), type, s.path("codec_name").asText(""),
          s.path("width").asInt(0), s.path("height").asInt(0),
          type.equals("video") ? rate(s.path("avg_frame_rate").asText(""),
              s.path("r_frame_rate").asText("")) : 0,
          s.path("sample_rate").asInt(0), s.path("channels").asInt(0),
          number(s.path("duration").asText("")), s.path("pix_fmt").asText(""),
          s.path("sample_aspect_ratio").asText("")));
    }
    return new MediaInfo(number(format.path("duration").asText("")),
        format.path("format_name").asText(""), List.copyOf(streams), size,
        (long) number(format.path("bit_rate").asText("")));
  }

  /** What is missing, or null when every stream holds the packets its container declares. */
  static String truncation(JsonNode root) {
    for (JsonNode s : root.path("streams")) {
      long declared = s.path("nb_frames").asLong(0);
      long read = s.path("nb_read_packets").asLong(-1);
      if (declared > 0 && read >= 0 && read < declared) {
        return "stream " + s.path("index").asInt() + " (" + s.path("codec_type").asText("data")
            + ") has " + read + " of the " + declared + " packets its container declares";
      }
    }
    return null;
  }

  /** avg_frame_rate is "0/0" for stills; fall back to r_frame_rate then. */
  private static double rate(String avg, String real) {
    double a = fraction(avg);
    return a > 0 ? a : fraction(real);
  }

  private static double fraction(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return number(text);
    }
    double den = number(text.substring(slash + 1));
    return den == 0 ? 0 : number(text.substring(0, slash)) / den;
  }

  private static double number(String text) {
    try {
      return text.isEmpty() ? 0 : Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
