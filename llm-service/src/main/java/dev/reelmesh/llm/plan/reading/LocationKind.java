package dev.reelmesh.llm.plan.reading;

/** Backdrop families (mirrors the proto's LocationKind); UNSPECIFIED when the brief cannot tell. */
public enum LocationKind {
  UNSPECIFIED(false), KITCHEN(true), ROOM(true), OFFICE(true), SHOP_INTERIOR(true), STREET(false),
  ROAD(false), PARK(false), FOREST(false), MOUNTAIN(false), COUNTRYSIDE(false), DESERT(false),
  BEACH(false), SEA(false), HARBOUR(false), LAKE(false), SKY(false), SPACE(false), LAB(true),
  STUDIO(true), VEHICLE_INTERIOR(true), TABLETOP(true);

  private final boolean indoor;

  LocationKind(boolean indoor) {
    this.indoor = indoor;
  }

  public boolean indoor() {
    return indoor;
  }
}
