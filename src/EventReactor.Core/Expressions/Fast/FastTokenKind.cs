namespace EventReactor.Core.Expressions.Fast;

internal enum FastTokenKind
{
    Identifier,
    Literal,
    Symbol,
    End,
}
