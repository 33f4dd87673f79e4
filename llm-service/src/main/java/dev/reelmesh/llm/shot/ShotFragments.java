package dev.reelmesh.llm.shot;

/** Compact fragments of one shot; each ideally 3–7 words. */
public record ShotFragments(String subject, String action, String setting, String productUse,
    String cameraMove, String lighting, String mood) {}
