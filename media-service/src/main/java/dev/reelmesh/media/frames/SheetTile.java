package dev.reelmesh.media.frames;

import java.nio.file.Path;

/** One image on a contact sheet and the label drawn under it (may be empty). */
public record SheetTile(Path image, String label) {}
