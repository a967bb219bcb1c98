namespace EventReactor.Core.Expressions.Runtime;

/// <summary>A CEL duration in nanoseconds, within what a signed 64-bit count of nanoseconds holds (about ±292 years), as the conformance suite requires.</summary>
internal readonly record struct CelDuration(Int128 Nanos) : IComparable<CelDuration>
{
    public const long NanosPerSecond = 1_000_000_000;
    public static CelDuration Checked(Int128 nanos) =>
        nanos < long.MinValue || nanos > long.MaxValue
            ? CelError.Raise<CelDuration>("duration out of range")
            : new CelDuration(nanos);

    public int CompareTo(CelDuration other) => Nanos.CompareTo(other.Nanos);

    public override string ToString() => CelTime.Format(this);
}
