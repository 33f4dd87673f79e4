package dev.reelmesh.llm.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline chat engine's reading of what the user said: a few intents, tried in a fixed
 * order, each mapped to one offered tool with its arguments. Deterministic: the same
 * conversation gives the same calls. Anything it cannot map is answered with what it can do.
 */
final class IntentParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HELP = Pattern.compile("^\\s*(help|\\?|what can you do\\??)\\s*$");
  private static final Pattern STATUS = Pattern.compile("\\b(status|progress|how('s| is) it "
      + "going|is it (done|ready|finished)|done yet|ready yet|finished yet)\\b");
  private static final Pattern COST = Pattern.compile("\\b(how much|cost|costs|price|estimate|"
      + "bill)\\b");
  static final Pattern CLIPS = Pattern.compile(
      "\\b(?:clip|shot|scene)s?\\s+(\\d+)(?:\\s*(?:-|to|and)\\s*(\\d+))?");
  private static final Pattern EDIT = Pattern.compile("\\b(close-?up|wide shot|narration|warmer|"
      + "darker|brighter|calmer|faster|slower|more energetic|mood|lighting|push-in|slow pan|"
      + "static|glide|tracking|aerial|overhead)\\b");
  private static final Pattern PLAN = Pattern.compile("\\b(plan|draft|storyboard)\\b");
  private static final Pattern MAKE = Pattern.compile("\\b(make|create|render|generate|produce)\\b");
  private static final Pattern GO = Pattern.compile("\\b(go|go ahead|render it|render|approve|"
      + "approved|start|submit|do it|ship it|looks good|proceed|yes)\\b");
  /** A brief names what it is: "a 12-second video of …", "an ad for …". */
  private static final Pattern BRIEF = Pattern.compile("\\b(an?|the)\\s+(?:[\\w-]+\\s+){0,3}"
      + "(video|ad|advert|film|animatic|spot|commercial|trailer|explainer|reel)\\b.*",
      Pattern.DOTALL);
  private static final Pattern SECONDS = Pattern.compile(
      "(\\d+(?:\\.\\d+)?)\\s*-?\\s*(?:s|sec|secs|second|seconds)\\b");

  private IntentParser() {}

  static TurnAnswer read(ChatTurn turn) {
    String said = turn.lastUserText().strip();
    String text = said.toLowerCase(Locale.ROOT);
    TurnContext context = turn.context();
    Calls calls = new Calls(turn);
    if (HELP.matcher(text).find()) {
      return TurnAnswer.say(help(turn));
    }
    if (STATUS.matcher(text).find()) {
      return context.hasJob() ? calls.one("status", args("job_id", context.jobId()))
          : TurnAnswer.say("There is no job in this conversation yet. " + help(turn));
    }
    Optional<String> brief = brief(said);
    if (COST.matcher(text).find()) {
      if (brief.isPresent()) {
        return calls.one("estimate", briefArgs(brief.get()));
      }
      if (context.hasJob()) {
        return calls.one("estimate", args("job_id", context.jobId()));
      }
      return TurnAnswer.say("Tell me what the video is about first, e.g. \"how much is a "
          + "20-second video of a kettle at dawn?\"");
    }
    if (CLIPS.matcher(text).find() || (EDIT.matcher(text).find() && brief.isEmpty())) {
      return edit(said, text, context, calls);
    }
    if (brief.isPresent() && PLAN.matcher(text).find()) {
      return calls.one("plan", briefArgs(brief.get()));
    }
    if (brief.isPresent() && MAKE.matcher(text).find()) {
      return calls.one("submit", briefArgs(brief.get()));
    }
    if (GO.matcher(text).find()) {
      if ("awaiting_approval".equals(context.jobState())) {
        return calls.one("approve", args("job_id", context.jobId()));
      }
      if (!context.brief().isEmpty()) {
        ObjectNode args = briefArgs(context.brief());
        if (context.durationSeconds() > 0) {
          args.put("duration_seconds", context.durationSeconds());
        }
        return calls.one("submit", args);
      }
      return TurnAnswer.say("There is nothing to render yet: tell me what the video is about.");
    }
    return TurnAnswer.say(help(turn));
  }

  /** "make clip 3 a close-up": a planned job is refined, a finished one regenerated. */
  private static TurnAnswer edit(String said, String text, TurnContext context, Calls calls) {
    String state = context.jobState();
    if ("awaiting_approval".equals(state)) {
      ObjectNode args = args("job_id", context.jobId());
      args.put("instruction", said);
      return calls.one("refine", args);
    }
    if ("succeeded".equals(state)) {
      TreeSet<Integer> clips = clipNumbers(text);
      if (clips.isEmpty()) {
        return TurnAnswer.say("Which clip should I redo? Say e.g. \"make clip 2 a close-up\" "
            + "(clips 1–" + context.clipCount() + ").");
      }
      ObjectNode args = args("job_id", context.jobId());
      clips.forEach(args.putArray("clips")::add);
      args.put("instruction", said);
      return calls.one("regenerate", args);
    }
    if (context.hasJob()) {
      return TurnAnswer.say("Job " + context.jobId() + " is " + state.replace('_', ' ')
          + "; a change can be made at its plan or once it has finished. Ask \"status\".");
    }
    return TurnAnswer.say("There is no plan to change yet: say e.g. \"plan a 20-second video of "
        + "a kettle at dawn\".");
  }

  static TreeSet<Integer> clipNumbers(String text) {
    TreeSet<Integer> numbers = new TreeSet<>();
    Matcher m = CLIPS.matcher(text);
    while (m.find()) {
      int from = Integer.parseInt(m.group(1));
      int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
      for (int n = Math.min(from, to); n <= Math.max(from, to) && numbers.size() < 64; n++) {
        numbers.add(n);
      }
    }
    return numbers;
  }

  /** The brief in what the user said, from its "a … video" on; empty when it names none. */
  static Optional<String> brief(String said) {
    Matcher m = BRIEF.matcher(said);
    while (m.find()) {
      String found = m.group().strip();
      // "render it" or "the video" alone is no brief: it must say what the video shows.
      if (found.split("\\s+").length >= 4) {
        return Optional.of(found.replaceAll("[?!]+$", "").strip());
      }
    }
    return Optional.empty();
  }

  private static ObjectNode briefArgs(String brief) {
    ObjectNode args = args("brief", brief);
    Matcher seconds = SECONDS.matcher(brief.toLowerCase(Locale.ROOT));
    if (seconds.find()) {
      args.put("duration_seconds", Double.parseDouble(seconds.group(1)));
    }
    return args;
  }

  private static ObjectNode args(String name, String value) {
    return JSON.createObjectNode().put(name, value);
  }

  static String help(ChatTurn turn) {
    return "I can plan a video (\"plan a 20-second video of a kettle at dawn\"), price it "
        + "(\"how much?\"), render it (\"go\", after you confirm), change a clip (\"make clip 2 a "
        + "close-up\") and tell you how it is going (\"status\"). Tools on offer: "
        + String.join(", ", turn.tools().stream().map(ToolSpec::name).toList()) + ".";
  }

  /** Call ids that follow from the conversation's length, so a replayed turn gets the same. */
  private record Calls(ChatTurn turn) {
    TurnAnswer one(String tool, ObjectNode args) {
      if (!turn.offers(tool)) {
        return TurnAnswer.say("I would use the " + tool + " tool for that, but it is not on offer"
            + " in this conversation. " + help(turn));
      }
      String id = "offline-" + turn.history().size() + "-" + tool;
      return new TurnAnswer("", List.of(new ToolInvocation(id, tool, args.toString())));
    }
  }
}
