namespace EventReactor.Core.Expressions.Runtime;

/// <summary>
/// CEL equality and ordering. Equality is defined for any two values (numbers compare by value across int,
/// uint and double; other mixed types are unequal); ordering needs two values of one kind.
/// </summary>
internal static class ValueComparison
{
    public static bool Equal(object? left, object? right)
    {
        switch (left, right)
        {
            case (null, null):
                return true;
            case (null, _) or (_, null):
                return false;
            case (string a, string b):
                return string.Equals(a, b, StringComparison.Ordinal);
            case (long a, long b):
                return a == b;
            case (bool a, bool b):
                return a == b;
            case (double a, double b):
                return a == b;
            case (long or ulong or double, long or ulong or double):
                return CompareNumbers(left, right) == 0;
            case (CelBytes a, CelBytes b):
                return a.Equals(b);
            case (CelTimestamp a, CelTimestamp b):
                return a == b;
            case (CelDuration a, CelDuration b):
                return a == b;
            case (CelType a, CelType b):
                return a == b;
        }

        if (RuntimeValues.IsList(left) && RuntimeValues.IsList(right))
        {
            return ListsEqual(ValueAccess.Range(left), ValueAccess.Range(right));
        }

        return RuntimeValues.IsMap(left) && RuntimeValues.IsMap(right) && MapsEqual(left!, right!);
    }

    /// <summary>The order of two values; a no-overload error where they have none.</summary>
    public static int Compare(object? left, object? right) => (left, right) switch
    {
        (long a, long b) => a.CompareTo(b),
        (string a, string b) => CompareCodePoints(a, b),
        (double a, double b) => a.CompareTo(b),
        (long or ulong or double, long or ulong or double) => CompareNumbers(left, right),
        (bool a, bool b) => a.CompareTo(b),
        (CelBytes a, CelBytes b) => a.CompareTo(b),
        (CelTimestamp a, CelTimestamp b) => a.CompareTo(b),
        (CelDuration a, CelDuration b) => a.CompareTo(b),
        _ => throw CelError.NoOverload("compare", left, right),
    };

    /// <summary>Whether the values are ordered at all: a NaN is neither less, equal nor greater.</summary>
    public static bool IsUnordered(object? left, object? right) =>
        (left is double a && double.IsNaN(a)) || (right is double b && double.IsNaN(b));

    // Exact comparison across int, uint and double (NaN answers 'not equal' through the callers).
    private static int CompareNumbers(object? left, object? right) => (left, right) switch
    {
        (long a, long b) => a.CompareTo(b),
        (ulong a, ulong b) => a.CompareTo(b),
        (double a, double b) => a.CompareTo(b),
        (long a, ulong b) => a < 0 ? -1 : ((ulong)a).CompareTo(b),
        (ulong a, long b) => b < 0 ? 1 : a.CompareTo((ulong)b),
        (long a, double b) => CompareDouble(a, b),
        (double a, long b) => CompareDouble(a, b),
        (ulong a, double b) => CompareDouble(a, b),
        (double a, ulong b) => CompareDouble(a, b),
        _ => throw CelError.NoOverload("compare", left, right),
    };

    // An int or uint meets a double as a double, as cel-go compares them, so 2^63 - 1 equals 2^63 as a double.
    private static int CompareDouble(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? 2 : a.CompareTo(b);

    private static int CompareCodePoints(string a, string b)
    {
        if (a.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0 && b.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            return Math.Sign(string.CompareOrdinal(a, b));
        }

        var left = a.EnumerateRunes();
        var right = b.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft.CompareTo(hasRight);
            }

            var order = left.Current.Value.CompareTo(right.Current.Value);
            if (order != 0)
            {
                return order;
            }
        }
    }

    private static bool ListsEqual(List<object?> left, List<object?> right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!Equal(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MapsEqual(object left, object right)
    {
        var entries = ValueAccess.Entries(left).ToList();
        if (entries.Count != ValueAccess.Range(right).Count)
        {
            return false;
        }

        foreach (var (key, value) in entries)
        {
            if (!ValueAccess.TryLookup(right, key, out var other) || !Equal(value, other))
            {
                return false;
            }
        }

        return true;
    }
}
