package dev.reelmesh.scoring.model;

import java.util.List;

/** A model as ListModels / GetModelMetadata report it. {@code kind} is empty when unknown. */
public record ModelStatus(String name, String kind, long servingVersion,
    List<VersionStatus> versions, String manifestError, String manifestJson) {}
