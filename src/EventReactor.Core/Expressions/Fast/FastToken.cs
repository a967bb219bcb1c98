namespace EventReactor.Core.Expressions.Fast;

/// <summary>A token: an identifier or symbol (its text) or a literal (its value).</summary>
internal readonly record struct FastToken(FastTokenKind Kind, string Text, object? Value = null);
