package dev.reelmesh.llm.plan;

import java.util.List;

/**
 * The story beats an offline plan is cut from. Each beat has a shot size, says whether the
 * subject and the characters are in frame, and offers shot and narration templates over the
 * {@link Story} slots; templates whose slots the brief leaves empty do not apply.
 */
enum Beat {
  OPENING("hook", Framing.WIDE, true, true,
      List.of("Wide establishing shot of {La} {Pin?} {T?}: {X} {Ac}",
          "Wide establishing shot of {La} {Pin?} {T?}: {C} with {Sa}",
          "Wide establishing shot of {La} {Pin?} {T?}, {Sa} {anchor}",
          "Wide establishing shot of {Sa} {Pin?} {T?}",
          "Wide first look at {Sa} {anchor?} {T?}"),
      List.of("{T}, {X} {Afc}.", "{T}, {X} {Af}.", "It starts with {Sa}.", "{this} {is} {S}.",
          "Welcome to {L} {Pin?}.", "{L}, {T}.")),
  SUBJECT("subject", Framing.MEDIUM, true, false,
      List.of("Medium shot of {S} {anchor} {T?}, framed at eye level", "Medium shot of {S} {A}",
          "{S}, seen whole against {L}", "Medium shot of {S} {inL} {T?}", "Medium shot of {S} {Pin?}, framed at eye level"),
      List.of("Here {is} {S}.", "Say hello to {S}.", "{Xs} {Afc}.", "Just {Sa}, {anchor}.", "All eyes on {Sn}.",
          "Take a good look at {Sn}.", "{S}, {T}.", "{S}, made by {B}.", "There's only one {noun} like {this}.")),
  DETAIL("detail", Framing.CLOSE_UP, true, false,
      List.of("Close detail of {D}, its {Ksurf} surface catching the light", "Macro view of {D}, texture and edges crisp",
          "Extreme close-up of {D} as {sideActor} {side}", "Close-up of {D} as light glides across {Dit}"),
      List.of("Look closer.", "Up close, {Sn} {is} {K}.", "Every detail counts.", "Small details, carefully made.",
          "Notice the little things.", "Closer still.", "The details tell the story.")),
  ACTION("action", Framing.MEDIUM, true, true,
      List.of("{X} {Af} {T?}", "Tracking shot as {X} {Af}", "Medium shot: {X} {Af}, {L} behind"),
      List.of("{X} {Af}.", "{Xs} {Afc}.", "Watch {X} {Ab}.", "{Pace}, {X} {Af}.", "{T}, {X} {Af}.",
          "Watch closely.", "One careful step at a time.", "Nothing is rushed.", "Here it comes.")),
  PEOPLE("people", Framing.MEDIUM, true, true,
      List.of("Medium shot of {C} {inL}, {S} in view", "Close-up of {C1}'s face, eyes on {gaze}",
          "{C2} at {C1}'s side, {pron} {rel} watching closely", "Close-up of {C1}'s {hands} at work"),
      List.of("{C1} and {C2}, side by side.", "{C1} knows {L} by heart.", "{C2} learns from {C1}.",
          "{C1} takes {pron} time.", "{veteran} has done this for years.", "Together {inL}.")),
  SETTING("setting", Framing.WIDE, false, false,
      List.of("Slow pan across {L} {Pin?} {T?}", "Wide view of {L} {T?}, {F} in the frame",
          "Wide view of {L} {Pin?} as the light changes"),
      List.of("{L}, {T}.", "Welcome to {L}.", "{P}, {T}.", "The light shifts over {L}.", "{L}, quiet and still.",
          "This is {P}.", "Step inside {Lindoor}.", "Look around {Lindoor}.", "Time slows down {inL}.")),
  PROP("prop", Framing.CLOSE_UP, false, false,
      List.of("Close-up of {R} {T?}", "{R} in the foreground, {S} beyond", "Close-up of {R} {inL}"),
      List.of("And then, {R}.", "{there} {R}, too.", "{R}, ready.")),
  USE("use", Framing.CLOSE_UP, true, true,
      List.of("Close-up of {C1}'s {hands} reaching for {S}", "{C1} uses {S} {anchor?}, an easy, practised motion",
          "Medium shot of {C1} with {S} {inL}"),
      List.of("{C1} reaches for {Sn}.", "Easy to use, every time.", "It fits right into the day.",
          "Made for moments like this.", "It simply works.")),
  PAYOFF("payoff", Framing.MEDIUM, true, true,
      List.of("{C1} smiles {inL} {T?}, {S} close by", "A quiet moment {inL}: {S} {anchor?}",
          "{X} {Af}, unhurried, {T?}"),
      List.of("{C1} smiles.", "Small moments, done well.", "This is why we love {Sn}.",
          "Simple, and all yours.", "Worth it, every time.")),
  CLOSING("call to action", Framing.MEDIUM, true, true,
      List.of("Hero shot of {S} centred in frame, {L} behind, room for a title",
          "Final wide shot of {L} {T?}, {S} at rest",
          "Last look at {S} {anchor?} {T?}, the frame settling"),
      List.of());

  final String label;
  final Framing framing;
  final boolean showsSubject;
  final boolean showsCast;
  final List<String> shots;
  final List<String> lines;

  Beat(String label, Framing framing, boolean showsSubject, boolean showsCast, List<String> shots,
      List<String> lines) {
    this.label = label;
    this.framing = framing;
    this.showsSubject = showsSubject;
    this.showsCast = showsCast;
    this.shots = shots;
    this.lines = lines;
  }
}
