namespace EventReactor.Core.Targeting;

/// <summary>A target is malformed or names no minion; the message says which target and why.</summary>
public sealed class TargetException(string message, Exception? inner = null) : Exception(message, inner);
