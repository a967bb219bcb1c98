namespace EventReactor.Core.Expressions.Runtime;

/// <summary>Map keys compare as CEL values: <c>1</c>, <c>1u</c> and <c>1.0</c> are one key.</summary>
internal sealed class MapKeyComparer : IEqualityComparer<object>
{
    public static MapKeyComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => ValueComparison.Equal(x, y);

    public int GetHashCode(object obj) => obj switch
    {
        long number => number.GetHashCode(),
        ulong number when number <= long.MaxValue => ((long)number).GetHashCode(),
        double number when number == Math.Floor(number) && number >= long.MinValue && number < long.MaxValue => ((long)number).GetHashCode(),
        _ => obj.GetHashCode(),
    };
}
