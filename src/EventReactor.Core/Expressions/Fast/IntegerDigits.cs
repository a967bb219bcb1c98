namespace EventReactor.Core.Expressions.Fast;

/// <summary>The digits of an int literal, converted once the parser knows whether a minus precedes them.</summary>
internal sealed record IntegerDigits(string Digits);
