package dev.reelmesh.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The TrueType font drawtext uses; the bundled FFmpeg has no fontconfig default to fall back on. */
public final class Fonts {
  public static final String PACKAGE_HINT = "install a TrueType font, e.g. apt-get install "
      + "fonts-dejavu-core (provides /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf)";
  private static final List<String> CANDIDATES = List.of(
      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/TTF/DejaVuSans.ttf",
      "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
      "/usr/share/fonts/truetype/freefont/FreeSans.ttf");

  private Fonts() {}

  public static Optional<Path> find() {
    return CANDIDATES.stream().map(Path::of).filter(Files::isRegularFile).findFirst();
  }
}
