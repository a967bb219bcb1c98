namespace EventReactor.Reactor.Journal;

/// <summary>The event journal: every event the reactor evaluated, for the dashboard and for replays (section <c>Reactor:Journal</c>).</summary>
public sealed class JournalOptions
{
    public const string Section = "Reactor:Journal";

    /// <summary>Keep events at all; off, nothing is written, event pages show no data and replay answers that the journal is off.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Events older than this are dropped.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Past this size (event data and attributes, approximately), the oldest events are dropped.</summary>
    public long MaxBytes { get; set; } = 1L << 30;

    /// <summary>How often retention runs; it also runs at start.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(1);
}
