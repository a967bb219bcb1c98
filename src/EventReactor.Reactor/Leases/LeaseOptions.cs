namespace EventReactor.Reactor.Leases;

/// <summary>Timing of the leases on singleton work (section <c>Reactor:Leases</c>).</summary>
public sealed class LeaseOptions
{
    public const string Section = "Reactor:Leases";

    /// <summary>How long a lease lasts unless renewed: the longest a dead holder's work waits before another reactor takes it.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the holder renews, and how often the others try to take it; at most a third of <see cref="Duration"/>, so two renewals may fail before it is lost.</summary>
    public TimeSpan RenewEvery { get; set; } = TimeSpan.FromSeconds(5);
}
