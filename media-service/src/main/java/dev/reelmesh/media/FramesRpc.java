package dev.reelmesh.media;

import dev.reelmesh.common.auth.ArtifactOwners;
import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.frames.ContactSheetMaker;
import dev.reelmesh.media.frames.FrameGrabber;
import dev.reelmesh.media.frames.SheetTile;
import dev.reelmesh.media.probe.MediaInfo;
import dev.reelmesh.media.probe.StreamMeta;
import dev.reelmesh.v1.ContactSheetRequest;
import dev.reelmesh.v1.ContactSheetResponse;
import dev.reelmesh.v1.ExtractFramesRequest;
import dev.reelmesh.v1.ExtractFramesResponse;
import dev.reelmesh.v1.ExtractedFrame;
import dev.reelmesh.v1.ImageFormat;
import io.grpc.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** ExtractFrames and ContactSheet: stills out of videos, and stills into a labelled grid. */
final class FramesRpc {
  private final Toolkit kit;
  private final FrameGrabber grabber;
  private final ContactSheetMaker sheets;

  FramesRpc(Toolkit kit) {
    this.kit = kit;
    this.grabber = new FrameGrabber(kit.runner());
    this.sheets = new ContactSheetMaker(kit.runner());
  }

  ExtractFramesResponse extract(ExtractFramesRequest r, Cancellation cancel) {
    int max = r.getMaxFrames() == 0 ? 100 : r.getMaxFrames();
    Fields.require(max >= 1 && max <= 1000, "max_frames", "must be in [1, 1000], got " + max);
    Fields.require(r.getWidth() == 0 || r.getWidth() >= 16 && r.getWidth() <= 4096, "width",
        "must be 0 (source size) or in [16, 4096], got " + r.getWidth());
    Fields.require(r.getFormat() != ImageFormat.UNRECOGNIZED, "format", "unknown image format");
    Fields.require(r.getTimesSecondsCount() > 0 || r.getEverySeconds() != 0, "times_seconds",
        "give times_seconds or every_seconds");
    Path video = kit.input("video", r.getVideo());
    MediaInfo info = kit.video("video", video, cancel);
    double length = info.durationSeconds();
    List<Double> times = new ArrayList<>();
    if (r.getTimesSecondsCount() > 0) {
      Fields.require(r.getTimesSecondsCount() <= max, "times_seconds", r.getTimesSecondsCount()
          + " times asked for but max_frames is " + max);
      for (int i = 0; i < r.getTimesSecondsCount(); i++) {
        double t = r.getTimesSeconds(i);
        Fields.require(t >= 0 && t < length, "times_seconds[" + i + "]",
            "must be in [0, " + length + ") (the video's length), got " + t);
        times.add(t);
      }
    } else {
      Fields.seconds("every_seconds", r.getEverySeconds(), 0, 3600, true);
      for (double t = 0; t < length && times.size() < max; t += r.getEverySeconds()) {
        times.add(t);
      }
    }
    Path dir = r.getOutputDir().isBlank()
        ? ArtifactOwners.outputFolder(kit.store().root(), "media")
            .resolve("frames-" + UUID.randomUUID())
        : kit.store().resolve("output_dir", r.getOutputDir());
    // The frames are files inside dir, so a file's write rules apply to it: a job's folder is
    // the mesh's, uploads/ is Upload's, a tenant's user writes only in tenants/<tenant>/ (checked
    // on a name inside, so "jobs" itself counts too).
    ArtifactOwners.checkWrite(kit.store().root(), dir.resolve("frame"), "output_dir",
        r.getOutputDir());
    createDirectories(dir);
    boolean jpeg = r.getFormat() == ImageFormat.IMAGE_FORMAT_JPEG;
    List<Path> frames = grabber.grab(video, times, lastFrame(info), r.getWidth(), jpeg, dir, cancel);
    ExtractFramesResponse.Builder out = ExtractFramesResponse.newBuilder();
    for (int i = 0; i < frames.size(); i++) {
      out.addFrames(ExtractedFrame.newBuilder().setTimeSeconds(times.get(i))
          .setImage(kit.store().describe(frames.get(i))));
    }
    return out.build();
  }

  ContactSheetResponse sheet(ContactSheetRequest r, Cancellation cancel) {
    int n = r.getTilesCount();
    Fields.require(n >= 1 && n <= 400, "tiles", "must have 1 to 400 tiles, got " + n);
    int columns = r.getColumns() == 0 ? (int) Math.ceil(Math.sqrt(n)) : r.getColumns();
    Fields.require(columns >= 1 && columns <= n, "columns", "must be in [1, " + n + "], got "
        + r.getColumns());
    int tileWidth = r.getTileWidth() == 0 ? 320 : Fields.size("tile_width", r.getTileWidth());
    Fields.require(tileWidth <= 1920, "tile_width", "must be at most 1920, got " + tileWidth);
    List<SheetTile> tiles = new ArrayList<>();
    StreamMeta first = null;
    for (int i = 0; i < n; i++) {
      String field = "tiles[" + i + "].image";
      Path image = kit.input(field, r.getTiles(i).getImage());
      StreamMeta v = kit.image(field, image, cancel).video().orElseThrow();
      first = first == null ? v : first;
      tiles.add(new SheetTile(image, r.getTiles(i).getLabel()));
    }
    boolean labels = tiles.stream().anyMatch(t -> !t.label().isBlank());
    if (labels && kit.config().fontFile() == null) {
      throw Status.FAILED_PRECONDITION.withDescription("tiles[].label: no TrueType font on "
          + "this machine to draw labels; " + Fonts.PACKAGE_HINT).asRuntimeException();
    }
    // Cells take the first image's shape; others are letterboxed into it.
    int tileHeight = (int) (Math.round(tileWidth * (double) first.height() / first.width() / 2)
        * 2);
    Path output = kit.store().newOutput("output_path", r.getOutputPath(), "media", ".png");
    Path sheet = sheets.make(tiles, columns, tileWidth, Math.max(2, tileHeight),
        kit.config().fontFile(), output, cancel);
    ContactSheetResponse.Builder out = ContactSheetResponse.newBuilder()
        .setSheet(kit.store().describe(sheet, "image/png"));
    if (r.getThumbnail()) {
      Path thumb = sheets.thumbnail(tiles.get(0).image(), tileWidth,
          output.resolveSibling(stem(output) + "-thumb.jpg"), cancel);
      out.setThumbnail(kit.store().describe(thumb, "image/jpeg"));
    }
    return out.build();
  }

  private static double lastFrame(MediaInfo info) {
    double fps = info.video().orElseThrow().fps();
    return Math.max(0, info.durationSeconds() - (fps > 0 ? 1 / fps : 0.04));
  }

  private static String stem(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }
}
