namespace EventReactor.Core.Actions;

/// <summary>One named argument of an action.</summary>
public sealed record ActionArgument(string Name, ArgumentKind Kind, bool Required, string Description);
