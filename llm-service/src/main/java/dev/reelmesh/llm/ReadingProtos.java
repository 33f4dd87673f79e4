package dev.reelmesh.llm;

import dev.reelmesh.llm.plan.Framing;
import dev.reelmesh.llm.plan.PlanReading;
import dev.reelmesh.llm.plan.reading.AgeGroup;
import dev.reelmesh.llm.plan.reading.Gender;
import dev.reelmesh.llm.plan.reading.LocationKind;
import dev.reelmesh.llm.plan.reading.NamedColour;
import dev.reelmesh.llm.plan.reading.SubjectKind;
import dev.reelmesh.v1.BriefReading;

/**
 * The brief-reading side of ScenePlan ↔ records: BriefReading and the painter's enums. Enums map by
 * name (domain names are the proto names without their prefix); an unknown wire value reads as
 * UNSPECIFIED, so a newer peer's value never fails an older service.
 */
final class ReadingProtos {
  private ReadingProtos() {}

  static BriefReading reading(PlanReading r) {
    BriefReading.Builder b = BriefReading.newBuilder().setSubject(r.subject()).setSubjectNoun(r.subjectNoun())
        .addAllSubjectAttributes(r.subjectAttributes()).setSubjectKind(subjectKind(r.subjectKind()))
        .setSubjectPlural(r.subjectPlural()).setBrand(r.brand()).setProduct(r.product()).setAction(r.action())
        .addAllProps(r.props()).setMood(r.mood()).setTimeOfDay(r.timeOfDay()).setSeason(r.season())
        .setWeather(r.weather()).setPurpose(r.purpose()).setPlatform(r.platform())
        .addAllFormatWords(r.formatWords()).addAllContentWords(r.contentWords());
    r.colours().forEach(c -> b.addColours(dev.reelmesh.v1.NamedColour.newBuilder().setName(c.name())
        .setHex(c.hex()).setAppliesTo(c.appliesTo())));
    return b.build();
  }

  static PlanReading reading(BriefReading r) {
    return new PlanReading(r.getSubject(), r.getSubjectNoun(), r.getSubjectAttributesList(),
        subjectKind(r.getSubjectKind()), r.getSubjectPlural(), r.getBrand(), r.getProduct(), r.getAction(),
        r.getPropsList(), r.getMood(), r.getColoursList().stream()
            .map(c -> new NamedColour(c.getName(), c.getHex(), c.getAppliesTo())).toList(),
        r.getTimeOfDay(), r.getSeason(), r.getWeather(), r.getPurpose(), r.getPlatform(),
        r.getFormatWordsList(), r.getContentWordsList());
  }

  static dev.reelmesh.v1.SubjectKind subjectKind(SubjectKind k) {
    return dev.reelmesh.v1.SubjectKind.valueOf("SUBJECT_KIND_" + k.name());
  }

  static SubjectKind subjectKind(dev.reelmesh.v1.SubjectKind k) {
    return byName(SubjectKind.class, k.name(), "SUBJECT_KIND_", SubjectKind.UNSPECIFIED);
  }

  static dev.reelmesh.v1.AgeGroup age(AgeGroup a) {
    return dev.reelmesh.v1.AgeGroup.valueOf("AGE_GROUP_" + a.name());
  }

  static AgeGroup age(dev.reelmesh.v1.AgeGroup a) {
    return byName(AgeGroup.class, a.name(), "AGE_GROUP_", AgeGroup.UNSPECIFIED);
  }

  static dev.reelmesh.v1.Gender gender(Gender g) {
    return dev.reelmesh.v1.Gender.valueOf("GENDER_" + g.name());
  }

  static Gender gender(dev.reelmesh.v1.Gender g) {
    return byName(Gender.class, g.name(), "GENDER_", Gender.UNSPECIFIED);
  }

  static dev.reelmesh.v1.LocationKind kind(LocationKind k) {
    return dev.reelmesh.v1.LocationKind.valueOf("LOCATION_KIND_" + k.name());
  }

  static LocationKind kind(dev.reelmesh.v1.LocationKind k) {
    return byName(LocationKind.class, k.name(), "LOCATION_KIND_", LocationKind.UNSPECIFIED);
  }

  static dev.reelmesh.v1.Framing framing(Framing f) {
    return dev.reelmesh.v1.Framing.valueOf("FRAMING_" + f.name());
  }

  static Framing framing(dev.reelmesh.v1.Framing f) {
    return byName(Framing.class, f.name(), "FRAMING_", Framing.UNSPECIFIED);
  }

  private static <E extends Enum<E>> E byName(Class<E> type, String wire, String prefix, E unknown) {
    if (!wire.startsWith(prefix)) {
      return unknown; // UNRECOGNIZED
    }
    try {
      return Enum.valueOf(type, wire.substring(prefix.length()));
    } catch (IllegalArgumentException e) {
      return unknown;
    }
  }
}
