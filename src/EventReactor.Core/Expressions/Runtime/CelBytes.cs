namespace EventReactor.Core.Expressions.Runtime;

/// <summary>A CEL <c>bytes</c> value; equal and ordered by content.</summary>
internal sealed class CelBytes(byte[] value) : IEquatable<CelBytes>
{
    public byte[] Value { get; } = value;

    public int CompareTo(CelBytes other) => Value.AsSpan().SequenceCompareTo(other.Value);

    public bool Equals(CelBytes? other) => other is not null && Value.AsSpan().SequenceEqual(other.Value);

    public override bool Equals(object? obj) => Equals(obj as CelBytes);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Value);
        return hash.ToHashCode();
    }

    public override string ToString() => Convert.ToBase64String(Value);
}
