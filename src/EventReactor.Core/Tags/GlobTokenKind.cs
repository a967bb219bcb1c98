namespace EventReactor.Core.Tags;

internal enum GlobTokenKind
{
    // A run of characters compared ordinally.
    Literal,

    // ?, or a class that Python reduces to "any character".
    AnyChar,

    // One or more adjacent *.
    Star,

    // A bracket expression.
    Class,
}
