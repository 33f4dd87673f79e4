package dev.reelmesh.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelmesh.llm.plan.OfflinePlanner;
import dev.reelmesh.llm.plan.Plan;
import dev.reelmesh.llm.plan.PlanRequest;
import dev.reelmesh.llm.plan.VideoFamily;
import dev.reelmesh.v1.AgeGroup;
import dev.reelmesh.v1.Framing;
import dev.reelmesh.v1.LocationKind;
import dev.reelmesh.v1.ScenePlan;
import org.junit.jupiter.api.Test;

class PlanProtosTest {
  @Test
  void theReadingAndThePaintersFieldsSurviveTheWireBothWays() {
    Plan plan = new OfflinePlanner().plan(PlanRequest.validated(
        "an old fisherman and his granddaughter mending nets on a harbour at sunrise", 20, "16:9", "", "",
        true, 7, 0, VideoFamily.GENERIC));
    ScenePlan wire = PlanProtos.plan(plan);
    assertThat(wire.getReading().getSubject()).isEqualTo("nets");
    assertThat(wire.getReading().getTimeOfDay()).isEqualTo("sunrise");
    assertThat(wire.getCharacters(1).getAgeGroup()).isEqualTo(AgeGroup.AGE_GROUP_CHILD);
    assertThat(wire.getCharacters(1).getRelatedTo()).isEqualTo("char-1");
    assertThat(wire.getLocations(0).getKind()).isEqualTo(LocationKind.LOCATION_KIND_HARBOUR);
    assertThat(wire.getClips(0).getFraming()).isEqualTo(Framing.FRAMING_WIDE);
    assertThat(PlanProtos.plan(wire, "plan")).isEqualTo(plan);
  }

  @Test
  void anEnumValueFromANewerPeerReadsAsUnspecified() {
    ScenePlan wire = ScenePlan.newBuilder().addLocations(dev.reelmesh.v1.Location.newBuilder()
        .setId("loc-1").setKindValue(999)).build();
    assertThat(PlanProtos.plan(wire, "plan").locations().get(0).kind())
        .isEqualTo(dev.reelmesh.llm.plan.reading.LocationKind.UNSPECIFIED);
  }
}
