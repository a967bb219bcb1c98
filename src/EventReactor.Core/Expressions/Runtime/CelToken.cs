namespace EventReactor.Core.Expressions.Runtime;

/// <summary>A token and the offset of its first character: an identifier or symbol (its text) or a literal (its value).</summary>
internal readonly record struct CelToken(CelTokenKind Kind, string Text, int Offset, object? Value = null);
