package dev.reelmesh.orchestrator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Flag checks made before any work starts (no mesh, no upload, no spend), each refusing with the
 * allowed range so the fix is in the message. The services check again; these spare the wait.
 */
final class Checks {
  private final CommandSpec spec;

  Checks(CommandSpec spec) {
    this.spec = spec;
  }

  void range(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw refuse(option + " must be " + min + "–" + max + ", got " + value);
    }
  }

  /** (min, max]: durations, where zero means nothing. */
  void aboveUpTo(String option, double value, double min, double max) {
    if (!Double.isFinite(value) || value <= min || value > max) {
      throw refuse(String.format(Locale.ROOT, "%s must be more than %s and at most %s, got %s",
          option, trim(min), trim(max), trim(value)));
    }
  }

  void within(String option, double value, double min, double max) {
    if (!Double.isFinite(value) || value < min || value > max) {
      throw refuse(String.format(Locale.ROOT, "%s must be in [%s, %s], got %s",
          option, trim(min), trim(max), trim(value)));
    }
  }

  void positive(String option, Double value) {
    if (value != null && (!Double.isFinite(value) || value <= 0)) {
      throw refuse(option + " must be more than 0, got " + trim(value));
    }
  }

  /** An output folder: absent (it is created) or a directory, never a file. */
  void outputDirectory(String option, Path dir) {
    if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
      throw refuse(option + " " + dir + " is a file; name a folder (it is created if missing)");
    }
  }

  void regularFile(String option, Path file) {
    if (!Files.isRegularFile(file)) {
      throw refuse(option + " " + file + ": no such file");
    }
  }

  void directory(String option, Path dir) {
    if (!Files.isDirectory(dir)) {
      throw refuse(option + " " + dir + ": no such folder");
    }
  }

  /** A HOST:PORT flag, when given. */
  void hostPort(String option, String value) {
    if (value != null) {
      try {
        Connection.port(value);
      } catch (IllegalArgumentException e) {
        throw refuse(option + " must be HOST:PORT (e.g. 127.0.0.1:50051), got '" + value + "'");
      }
    }
  }

  /** {@code N} as a person counts clips (from 1) → the API's index (from 0). */
  int clipIndex(String option, int number) {
    if (number < 1) {
      throw refuse(option + " counts clips from 1, got " + number);
    }
    return number - 1;
  }

  ParameterException refuse(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  private static String trim(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? String.valueOf((long) value) : String.valueOf(value);
  }
}
