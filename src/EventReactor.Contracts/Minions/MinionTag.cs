namespace EventReactor.Contracts.Minions;

/// <summary>A parsed <c>minion/&lt;id&gt;/...</c> tag; <see cref="ContainerAction"/> is set for container events only.</summary>
public readonly record struct MinionTag(string Minion, MinionEventKind Kind, string? ContainerAction = null);
