namespace EventReactor.Core.Tags;

internal readonly struct GlobToken
{
    private GlobToken(GlobTokenKind kind, string literal, GlobClass? set)
    {
        Kind = kind;
        Literal = literal;
        Set = set;
    }

    public static GlobToken AnyChar { get; } = new(GlobTokenKind.AnyChar, string.Empty, null);

    public static GlobToken Star { get; } = new(GlobTokenKind.Star, string.Empty, null);

    public GlobTokenKind Kind { get; }

    // Only for Literal; never empty there.
    public string Literal { get; }

    // Only for Class.
    public GlobClass? Set { get; }

    public static GlobToken ForLiteral(string literal) => new(GlobTokenKind.Literal, literal, null);

    public static GlobToken ForClass(GlobClass set) => new(GlobTokenKind.Class, string.Empty, set);

    public override string ToString() => Kind switch
    {
        GlobTokenKind.Literal => $"Literal({Literal})",
        GlobTokenKind.Class => $"Class({Set})",
        _ => Kind.ToString(),
    };
}
