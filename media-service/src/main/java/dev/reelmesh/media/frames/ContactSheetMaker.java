package dev.reelmesh.media.frames;

import dev.reelmesh.media.ffmpeg.Cancellation;
import dev.reelmesh.media.ffmpeg.FfmpegRunner;
import dev.reelmesh.media.ffmpeg.FilterPaths;
import dev.reelmesh.media.ffmpeg.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled grid in one FFmpeg run: every tile letterboxed to one cell size, a label strip under
 * it drawn with drawtext (text through a textfile, so labels need no escaping), then xstack.
 */
public final class ContactSheetMaker {
  private static final String BACKGROUND = "0x202020";
  private final FfmpegRunner runner;

  public ContactSheetMaker(FfmpegRunner runner) {
    this.runner = runner;
  }

  /** {@code font} may be null only when every label is empty. */
  public Path make(List<SheetTile> tiles, int columns, int tileWidth, int tileHeight, Path font,
      Path output, Cancellation cancel) {
    int strip = Math.max(16, tileWidth / 12);
    Path work = null;
    try (OutputFile out = new OutputFile(output)) {
      work = Files.createTempDirectory("reelmesh-sheet");
      List<String> args = new ArrayList<>();
      StringBuilder g = new StringBuilder();
      StringBuilder layout = new StringBuilder();
      for (int i = 0; i < tiles.size(); i++) {
        args.addAll(List.of("-i", tiles.get(i).image().toString()));
        g.append("[").append(i).append(":v]scale=").append(tileWidth).append(":")
            .append(tileHeight).append(":force_original_aspect_ratio=decrease,pad=")
            .append(tileWidth).append(":").append(tileHeight).append(":(ow-iw)/2:(oh-ih)/2:color=")
            .append(BACKGROUND).append(",setsar=1,format=rgb24,pad=").append(tileWidth).append(":")
            .append(tileHeight + strip).append(":0:0:color=").append(BACKGROUND);
        String label = tiles.get(i).label().strip();
        if (!label.isEmpty()) {
          Path text = work.resolve("label-" + i + ".txt");
          Files.writeString(text, label.replaceAll("\\s*\\R\\s*", " "));
          g.append(",drawtext=fontfile=").append(FilterPaths.plain(font))
              .append(":textfile=").append(FilterPaths.plain(text))
              .append(":fontsize=").append(strip * 2 / 3).append(":fontcolor=white")
              .append(":x=(w-text_w)/2:y=").append(tileHeight).append("+(")
              .append(strip).append("-text_h)/2");
        }
        g.append("[t").append(i).append("];");
        if (i > 0) {
          layout.append('|');
        }
        layout.append((i % columns) * tileWidth).append('_')
            .append((i / columns) * (tileHeight + strip));
      }
      if (tiles.size() == 1) {
        g.append("[t0]null[sheet]");
      } else {
        for (int i = 0; i < tiles.size(); i++) {
          g.append("[t").append(i).append("]");
        }
        g.append("xstack=inputs=").append(tiles.size()).append(":layout=").append(layout)
            .append(":fill=").append(BACKGROUND).append("[sheet]");
      }
      args.addAll(List.of("-filter_complex", g.toString(), "-map", "[sheet]", "-frames:v", "1",
          "-update", "1", out.temp().toString()));
      runner.ffmpeg("contact sheet", args, cancel, null);
      return out.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write contact sheet labels", e);
    } finally {
      deleteTree(work);
    }
  }

  /** The first image at {@code width}, JPEG. */
  public Path thumbnail(Path image, int width, Path output, Cancellation cancel) {
    try (OutputFile out = new OutputFile(output)) {
      runner.ffmpeg("thumbnail", List.of("-i", image.toString(), "-vf", "scale=" + width
          + ":-2", "-frames:v", "1", "-q:v", "3", "-update", "1", out.temp().toString()),
          cancel, null);
      return out.commit();
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // A leftover temp label is harmless.
    }
  }
}
