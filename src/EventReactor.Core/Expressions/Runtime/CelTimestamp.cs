namespace EventReactor.Core.Expressions.Runtime;

/// <summary>A CEL timestamp: nanoseconds since the Unix epoch, within years 0001 to 9999.</summary>
internal readonly record struct CelTimestamp(Int128 Nanos) : IComparable<CelTimestamp>
{
    public const long MinSeconds = -62135596800; // 0001-01-01T00:00:00Z
    public const long MaxSeconds = 253402300799; // 9999-12-31T23:59:59Z

    public static CelTimestamp Checked(Int128 nanos) =>
        nanos < (Int128)MinSeconds * CelDuration.NanosPerSecond || nanos > ((Int128)MaxSeconds * CelDuration.NanosPerSecond) + 999_999_999
            ? CelError.Raise<CelTimestamp>("timestamp out of range")
            : new CelTimestamp(nanos);

    public long Seconds => (long)Int128.DivRem(Nanos - FloorNanos, CelDuration.NanosPerSecond).Quotient;

    /// <summary>The nanoseconds past <see cref="Seconds"/>, 0 to 999,999,999.</summary>
    public int FloorNanos => (int)(((Nanos % CelDuration.NanosPerSecond) + CelDuration.NanosPerSecond) % CelDuration.NanosPerSecond);

    public int CompareTo(CelTimestamp other) => Nanos.CompareTo(other.Nanos);

    public override string ToString() => CelTime.Format(this);
}
