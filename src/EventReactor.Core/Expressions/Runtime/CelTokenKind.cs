namespace EventReactor.Core.Expressions.Runtime;

internal enum CelTokenKind
{
    Identifier,

    /// <summary>A field name in backticks, <c>m.`foo.txt`</c>.</summary>
    QuotedIdentifier,
    Literal,

    /// <summary>An int literal, kept as digits so a leading minus can make <see cref="long.MinValue"/>.</summary>
    IntegerLiteral,
    Symbol,
    End,
}
