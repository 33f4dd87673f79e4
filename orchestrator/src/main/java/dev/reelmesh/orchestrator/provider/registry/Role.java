package dev.reelmesh.orchestrator.provider.registry;

/** What a provider makes for a job; a job chooses one provider (or a fallback chain) per role. */
public enum Role {
  IMAGE("image"),
  VIDEO("video"),
  SPEECH("speech"),
  MUSIC("music");

  private final String field;

  Role(String field) {
    this.field = field;
  }

  /** The role's field in {@code ProviderChoices} ("video"), as error messages name it. */
  public String field() {
    return field;
  }

  /** The role a {@code ProviderChoices} field names; IllegalArgumentException for another. */
  public static Role ofField(String field) {
    for (Role role : values()) {
      if (role.field.equals(field)) {
        return role;
      }
    }
    throw new IllegalArgumentException("no provider role '" + field + "'");
  }
}
