package dev.reelmesh.llm.plan.reading;

import java.util.List;

/**
 * What a brief says, with its format words set apart (see the proto's BriefReading for each
 * field's meaning). Strings are "" and lists empty when the brief names none.
 *
 * @param lighting light words the brief uses ("warm morning light"), or ""
 * @param camera camera words turned into cinematography ("macro lens, extreme close detail")
 * @param sideActions actions of other clauses ("steam rising"), used as motion
 */
public record BriefReading(
    String subject,
    String subjectNoun,
    List<String> subjectAttributes,
    SubjectKind subjectKind,
    boolean subjectPlural,
    String brand,
    String product,
    String action,
    List<String> props,
    List<CastMember> cast,
    Setting setting,
    String mood,
    List<NamedColour> colours,
    String timeOfDay,
    String season,
    String weather,
    String lighting,
    List<String> camera,
    String purpose,
    String platform,
    List<String> formatWords,
    List<String> contentWords,
    List<String> sideActions) {

  public BriefReading {
    subjectAttributes = List.copyOf(subjectAttributes);
    props = List.copyOf(props);
    cast = List.copyOf(cast);
    colours = List.copyOf(colours);
    camera = List.copyOf(camera);
    formatWords = List.copyOf(formatWords);
    contentWords = List.copyOf(contentWords);
    sideActions = List.copyOf(sideActions);
  }

  /** Reads {@code brief}; a product description, when given, is the subject. */
  public static BriefReading of(String brief, String productDescription) {
    return BriefReader.read(brief, productDescription);
  }
}
