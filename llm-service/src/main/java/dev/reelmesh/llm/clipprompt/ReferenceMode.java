package dev.reelmesh.llm.clipprompt;

/** How a clip prompt is anchored: scene reference first, then the first character's, else text. */
public enum ReferenceMode { SCENE, CHARACTER, TEXT_ONLY }
