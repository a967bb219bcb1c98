namespace EventReactor.Core.Expressions.Runtime;

/// <summary>A CEL type as a value: what <c>type(x)</c> gives and what <c>int</c>, <c>string</c>, ... denote.</summary>
internal sealed record CelType(string Name)
{
    public static readonly CelType Int = new("int");
    public static readonly CelType Uint = new("uint");
    public static readonly CelType Double = new("double");
    public static readonly CelType Bool = new("bool");
    public static readonly CelType String = new("string");
    public static readonly CelType Bytes = new("bytes");
    public static readonly CelType List = new("list");
    public static readonly CelType Map = new("map");
    public static readonly CelType Null = new("null_type");
    public static readonly CelType Type = new("type");
    public static readonly CelType Timestamp = new("google.protobuf.Timestamp");
    public static readonly CelType Duration = new("google.protobuf.Duration");

    /// <summary>The types an identifier can denote, by name.</summary>
    public static readonly IReadOnlyDictionary<string, CelType> Denoted = new[] { Int, Uint, Double, Bool, String, Bytes, List, Map, Null, Type }
        .ToDictionary(type => type.Name, StringComparer.Ordinal);

    public override string ToString() => Name;
}
