package dev.reelmesh.media;

import dev.reelmesh.common.error.Statuses;

/** Field checks that answer INVALID_ARGUMENT naming the field and what was given. */
final class Fields {
  private Fields() {}

  static double seconds(String field, double value, double min, double max, boolean minOpen) {
    if (Double.isNaN(value) || (minOpen ? value <= min : value < min) || value > max) {
      throw Statuses.invalid(field, "must be in " + (minOpen ? "(" : "[") + min + ", " + max
          + "] seconds, got " + value);
    }
    return value;
  }

  /** An even pixel size in [16, 4096]. */
  static int size(String field, int value) {
    if (value < 16 || value > 4096 || value % 2 != 0) {
      throw Statuses.invalid(field, "must be an even number of pixels in [16, 4096], got "
          + value);
    }
    return value;
  }

  static double fps(String field, double value) {
    if (Double.isNaN(value) || value <= 0 || value > 120) {
      throw Statuses.invalid(field, "must be in (0, 120] frames per second, got " + value);
    }
    return value;
  }

  static void require(boolean ok, String field, String problem) {
    if (!ok) {
      throw Statuses.invalid(field, problem);
    }
  }
}
