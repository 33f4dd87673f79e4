package dev.reelmesh.scoring.model;

/** Where one version stands. */
public enum VersionState { LOADING, READY, UNLOADED, FAILED }
