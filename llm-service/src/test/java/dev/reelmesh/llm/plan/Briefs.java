package dev.reelmesh.llm.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Briefs as people write them: the team's list (a copy in test resources), the issue's three, and
 * more across domains (products, food, animals, vehicles, places, people, apps, nature).
 */
final class Briefs {
  static final List<String> OWN = List.of(
      "15 second vertical clip for Instagram: a paper boat drifting on a rainy puddle",
      "a 20-second explainer for Spoke & Chain, a bicycle repair shop",
      "a 30-second ad for a red ceramic mug",
      "a 15-second ad for a stainless steel water bottle on a mountain summit",
      "TikTok video: a golden retriever puppy chasing bubbles in a garden",
      "a baker pulling fresh croissants from an oven at sunrise",
      "a vintage red scooter parked on a cobbled street in Rome",
      "a 30 second tour of a cosy bookshop on a rainy evening",
      "a grandmother teaching her grandson to bake bread in a kitchen",
      "YouTube short for a language-learning app, commuter on a bus",
      "a waterfall in a misty forest at dawn, calm",
      "a sneaker ad: a runner on a city street at night, neon, energetic",
      "a yellow kayak gliding across a lake at sunset",
      "a 10 second loop of a candle flickering on a windowsill in winter",
      "an astronaut floating in space above a blue planet",
      "a chef plating a green salad in a busy restaurant kitchen",
      "a dad and his daughter flying a kite on a windy beach",
      "a launch video for a note-taking app: a designer sketching in an office",
      "a fox walking through a snowy forest at night",
      "a girl in a yellow raincoat jumping in puddles on a city street");

  private Briefs() {}

  static List<String> all() throws IOException {
    List<String> out = new ArrayList<>(OWN);
    try (InputStream in = Briefs.class.getResourceAsStream("/briefs/people-write.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip());
        }
      }
    }
    return out;
  }
}
