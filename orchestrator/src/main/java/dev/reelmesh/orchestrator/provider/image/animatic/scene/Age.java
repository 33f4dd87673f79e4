package dev.reelmesh.orchestrator.provider.image.animatic.scene;

/** Age group of a figure: it sets height, proportions and hair. */
public enum Age {
  CHILD, ADULT, ELDER
}
