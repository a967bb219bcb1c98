namespace EventReactor.Core.Expressions.Fast;

internal enum StringFunction
{
    StartsWith,
    EndsWith,
    Contains,
}
