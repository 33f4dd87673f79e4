package dev.reelmesh.llm.shot;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a flattened list leaves in a fragment: inline markers ("2.", "3)", "•"), bare enumerators
 * ("A man 2 a dog 3 throws") and spaced dashes joining items ("throws - catches"). A number is an
 * enumerator when it is marked ("2."), stands before an article ("2 a dog"), or belongs to a run
 * of consecutive numbers across the fragments ("… 2 … 3 …"); "3 apples" stays a count.
 */
final class ListRemnants {
  private static final Pattern MARKED = Pattern.compile("(?<![\\d.])\\b\\d{1,2}[.):](?=\\s|$)|[•▪◦·]|(?<=\\s|^)[*](?=\\s)");
  private static final Pattern BARE = Pattern.compile("(?<![\\w.,$€£#%-])\\d{1,2}(?![\\w.,%:/-])");
  private static final Pattern ARTICLE_AFTER = Pattern.compile("\\s+(?:a|an|the|and|his|her|their|its)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DASH = Pattern.compile("\\s+[-–]\\s+|(?<=\\s|^)[-–](?=\\s)");

  private ListRemnants() {}

  /** The bare numbers across all fields that form a consecutive run (2, 3 or 1, 2, 3). */
  static List<Integer> runNumbers(List<String> fields) {
    List<Integer> numbers = new ArrayList<>();
    for (String f : fields) {
      Matcher m = BARE.matcher(f);
      while (m.find()) {
        numbers.add(Integer.parseInt(m.group()));
      }
    }
    List<Integer> run = new ArrayList<>();
    for (int i = 0; i + 1 < numbers.size(); i++) {
      if (numbers.get(i + 1) == numbers.get(i) + 1) {
        if (!run.contains(numbers.get(i))) {
          run.add(numbers.get(i));
        }
        run.add(numbers.get(i + 1));
      }
    }
    return run;
  }

  /** Removes list remnants; items become a comma list whose last join is "and". */
  static String strip(String text, List<Integer> runNumbers) {
    String v = MARKED.matcher(text).replaceAll(" | ");
    StringBuilder out = new StringBuilder();
    Matcher m = BARE.matcher(v);
    int last = 0;
    while (m.find()) {
      boolean enumerator = runNumbers.contains(Integer.parseInt(m.group()))
          || ARTICLE_AFTER.matcher(v).region(m.end(), v.length()).lookingAt();
      out.append(v, last, m.start()).append(enumerator ? " | " : m.group());
      last = m.end();
    }
    v = out.append(v.substring(last)).toString();
    v = DASH.matcher(v).replaceAll(" | ");
    if (!v.contains("|")) {
      return text;
    }
    List<String> items = new ArrayList<>();
    for (String item : v.split("\\|")) {
      String s = item.strip().replaceAll("^[,;]+|[,;]+$", "").strip();
      if (!s.isEmpty()) {
        items.add(items.isEmpty() ? s : lowerFirst(s));
      }
    }
    if (items.size() <= 1) {
      return items.isEmpty() ? "" : items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  /** True when prose still carries list remnants (used by the post-checks). */
  static boolean present(String prose) {
    return prose.contains("\n") || MARKED.matcher(prose).find() || DASH.matcher(prose).find()
        || !runNumbers(List.of(prose)).isEmpty();
  }

  private static String lowerFirst(String s) {
    return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
        ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
  }
}
