package dev.reelmesh.orchestrator.provider.image.animatic.scene;

/** The move a shot makes between its start and end frame. */
public enum CameraMove {
  STATIC, PUSH_IN, PULL_OUT, PAN_LEFT, PAN_RIGHT, TRACK, RISE
}
