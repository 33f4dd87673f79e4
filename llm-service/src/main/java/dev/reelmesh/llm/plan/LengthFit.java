package dev.reelmesh.llm.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A duration cut into a video model's allowed clip lengths, the duration always kept exactly.
 * When it is a sum of allowed lengths every clip is one: those nearest the preferred length,
 * then the fewest clips. When it is not, every clip but the last is an allowed length and the
 * last is shorter, rendered at the next allowed length up and trimmed; of all such cuts the one
 * that wastes the least render wins, with the last clip at least 2 s (or the shortest allowed
 * length) wherever some cut allows it. The user asked for a duration: it is never changed, and
 * what is thrown away is at most one clip's remainder, reported in {@link #note}.
 *
 * @param lengths each clip's length, seconds, in order: ascending, the trimmed one last
 * @param note "" when the lengths tile the duration exactly; else what was done, in words
 */
public record LengthFit(List<Double> lengths, String note) {
  public LengthFit {
    lengths = List.copyOf(lengths);
  }

  static LengthFit of(double duration, ClipLengths allowed, double preferredSeconds) {
    long total = ClipLengths.millis(duration);
    long[] values = allowed.seconds().stream().mapToLong(ClipLengths::millis).toArray();
    long unit = 0;
    for (long v : values) {
      unit = gcd(unit, v);
    }
    long preferred = ClipLengths.millis(preferredSeconds);
    // cost[s]: least total distance from the preferred length of clips summing to s units.
    int n = (int) (total / unit);
    long[] cost = new long[n + 1];
    int[] count = new int[n + 1];
    int[] used = new int[n + 1];
    Arrays.fill(cost, Long.MAX_VALUE);
    cost[0] = 0;
    for (int s = 1; s <= n; s++) {
      for (int k = 0; k < values.length; k++) {
        int u = (int) (values[k] / unit);
        if (u > s || cost[s - u] == Long.MAX_VALUE) {
          continue;
        }
        long c = cost[s - u] + Math.abs(values[k] - preferred);
        if (c < cost[s] || c == cost[s] && count[s - u] + 1 < count[s]) {
          cost[s] = c;
          count[s] = count[s - u] + 1;
          used[s] = k;
        }
      }
    }
    long shortestLast = Math.min(ClipLengths.millis(Timeline.MIN_CLIP_SECONDS), values[0]);
    int best = pick(total, unit, values, cost, count, preferred, shortestLast);
    if (best < 0) { // only a shorter last clip fits (one length, 10.5 s of 5 s clips)
      best = pick(total, unit, values, cost, count, preferred, 0);
    }
    List<Double> lengths = new ArrayList<>();
    for (int s = best; s > 0; s -= (int) (values[used[s]] / unit)) {
      lengths.add(values[used[s]] / 1000.0);
    }
    lengths.sort(null);
    long rest = total - best * unit;
    if (rest == 0) {
      return new LengthFit(lengths, "");
    }
    lengths.add(rest / 1000.0);
    double rendered = allowed.snapUp(rest / 1000.0);
    if (up(values, rest) == rest) { // the rest is an allowed length itself: nothing trimmed
      return new LengthFit(lengths, "");
    }
    return new LengthFit(lengths, String.format(Locale.ROOT, "%s s is not a sum of %s: the last "
        + "clip, %s s, is rendered at %s s and trimmed; %s s rendered and not used",
        ClipLengths.number(duration), allowed.text(), ClipLengths.number(rest / 1000.0),
        ClipLengths.number(rendered), ClipLengths.number(rendered - rest / 1000.0)));
  }

  /**
   * The sum (in units) the whole allowed clips make, the last clip taking the rest: least waste,
   * then nearest the preferred length, then fewest clips; -1 when none leaves a last clip of at
   * least {@code shortestLast} ms.
   */
  private static int pick(long total, long unit, long[] values, long[] cost, int[] count,
      long preferred, long shortestLast) {
    int best = -1;
    long bestWaste = 0;
    long bestCost = 0;
    int bestCount = 0;
    for (int s = 0; s < cost.length; s++) {
      long rest = total - s * unit;
      if (cost[s] == Long.MAX_VALUE || rest > values[values.length - 1]
          || rest > 0 && s > 0 && rest < shortestLast) {
        continue;
      }
      long waste = rest == 0 ? 0 : up(values, rest) - rest;
      long c = cost[s] + (rest == 0 ? 0 : Math.abs(rest - preferred));
      int clips = count[s] + (rest == 0 ? 0 : 1);
      if (best < 0 || waste < bestWaste || waste == bestWaste
          && (c < bestCost || c == bestCost && clips < bestCount)) {
        best = s;
        bestWaste = waste;
        bestCost = c;
        bestCount = clips;
      }
    }
    return best;
  }

  private static long up(long[] values, long needed) {
    for (long v : values) {
      if (v >= needed) {
        return v;
      }
    }
    return values[values.length - 1];
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
