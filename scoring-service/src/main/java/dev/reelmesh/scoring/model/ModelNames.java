package dev.reelmesh.scoring.model;

import dev.reelmesh.common.error.Statuses;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Model names are plain directory names inside the repository: letters, digits, '.', '_' and
 * '-', starting with a letter or digit, no "..", at most 128 characters. A name is never a path,
 * so no request can reach a model (or a file) outside the repository.
 */
public final class ModelNames {
  public static final int MAX_LENGTH = 128;
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private ModelNames() {}

  /** Why {@code name} is not a plain model name, or null when it is. */
  public static String problem(String name) {
    if (name.isEmpty()) {
      return "model name is empty";
    }
    if (name.length() > MAX_LENGTH) {
      return "model name is " + name.length() + " characters; at most " + MAX_LENGTH;
    }
    if (!PLAIN.matcher(name).matches() || name.contains("..")) {
      return "'" + abbreviate(name) + "' is not a plain model name (letters, digits, '.', '_', '-';"
          + " no path separators, no '..', not absolute): models are directories of the repository";
    }
    return null;
  }

  /** {@code name}, or INVALID_ARGUMENT naming {@code field}. */
  public static String require(String field, String name) {
    String problem = problem(name);
    if (problem != null) {
      throw Statuses.invalid(field, problem);
    }
    return name;
  }

  /** The model's directory: {@code root/name}, checked to be a direct child of the root. */
  static Path directory(Path root, String name) {
    Path dir = root.resolve(name).normalize();
    if (problem(name) != null || !root.equals(dir.getParent())) {
      throw new IllegalArgumentException("model name '" + abbreviate(name)
          + "' does not name a directory of " + root);
    }
    return dir;
  }

  private static String abbreviate(String name) {
    return name.length() <= 80 ? name : name.substring(0, 80) + "…";
  }
}
