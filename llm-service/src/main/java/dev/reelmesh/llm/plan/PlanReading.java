package dev.reelmesh.llm.plan;

import dev.reelmesh.llm.plan.reading.BriefReading;
import dev.reelmesh.llm.plan.reading.NamedColour;
import dev.reelmesh.llm.plan.reading.SubjectKind;
import java.util.List;

/** What the plan keeps of the brief reading (the proto's BriefReading, field for field). */
public record PlanReading(String subject, String subjectNoun, List<String> subjectAttributes,
    SubjectKind subjectKind, boolean subjectPlural, String brand, String product, String action,
    List<String> props, String mood, List<NamedColour> colours, String timeOfDay, String season,
    String weather, String purpose, String platform, List<String> formatWords,
    List<String> contentWords) {

  public static final PlanReading NONE = new PlanReading("", "", List.of(), SubjectKind.UNSPECIFIED,
      false, "", "", "", List.of(), "", List.of(), "", "", "", "", "", List.of(), List.of());

  public PlanReading {
    subjectAttributes = List.copyOf(subjectAttributes);
    props = List.copyOf(props);
    colours = List.copyOf(colours);
    formatWords = List.copyOf(formatWords);
    contentWords = List.copyOf(contentWords);
  }

  static PlanReading of(BriefReading r) {
    return new PlanReading(r.subject(), r.subjectNoun(), r.subjectAttributes(), r.subjectKind(),
        r.subjectPlural(), r.brand(), r.product(), r.action(), r.props(), r.mood(), r.colours(),
        r.timeOfDay(), r.season(), r.weather(), r.purpose(), r.platform(), r.formatWords(),
        r.contentWords());
  }
}
