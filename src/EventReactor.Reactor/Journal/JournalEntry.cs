namespace EventReactor.Reactor.Journal;

/// <summary>An event as the journal keeps it for the dashboard: the envelope's attributes and its data as JSON text.</summary>
public sealed record JournalEntry(string Id, string Tag, string Source, DateTimeOffset Time, string? Minion, string? CausedBy, int Depth, string Data);
