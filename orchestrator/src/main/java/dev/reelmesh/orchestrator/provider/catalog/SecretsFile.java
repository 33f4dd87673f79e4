package dev.reelmesh.orchestrator.provider.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Provider keys kept out of the environment: REELMESH_SECRETS_FILE names a file of
 * {@code KEY=VALUE} lines ('#' comments and blank lines allowed) that only its owner may read
 * (mode 0600 or 0400). A variable set in the environment wins over the file. Values are never
 * printed; a malformed line is reported by its number only.
 */
public final class SecretsFile {
  public static final String VARIABLE = "REELMESH_SECRETS_FILE";
  private static final Set<PosixFilePermission> OTHERS = Set.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private SecretsFile() {}

  /** {@code env} with the file's settings added under it; {@code env} itself without a file. */
  public static Map<String, String> withSecrets(Map<String, String> env) {
    String name = env.get(VARIABLE);
    if (name == null || name.isBlank()) {
      return env;
    }
    Map<String, String> merged = new HashMap<>(read(Path.of(name.strip())));
    merged.putAll(env);
    return merged;
  }

  static Map<String, String> read(Path file) {
    List<String> lines;
    try {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
      if (mode.stream().anyMatch(OTHERS::contains)) {
        throw new IllegalArgumentException(VARIABLE + " " + file + " may be read or changed by "
            + "others (" + java.nio.file.attribute.PosixFilePermissions.toString(mode)
            + "); run chmod 600 " + file);
      }
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (UnsupportedOperationException e) {
      throw new IllegalArgumentException(VARIABLE + ": cannot check who may read " + file
          + " on this file system");
    } catch (IOException e) {
      throw new IllegalArgumentException(VARIABLE + ": cannot read " + file + ": " + e);
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? "" : line.substring(0, eq).strip();
      if (!key.matches("[A-Z_][A-Z0-9_]*")) {
        throw new IllegalArgumentException(VARIABLE + " " + file + " line " + (i + 1)
            + ": expected KEY=VALUE with an upper-case KEY");
      }
      String value = line.substring(eq + 1).strip();
      if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
          || value.startsWith("'") && value.endsWith("'"))) {
        value = value.substring(1, value.length() - 1);
      }
      values.put(key, value);
    }
    return values;
  }
}
