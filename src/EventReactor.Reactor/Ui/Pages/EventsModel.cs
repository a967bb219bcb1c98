using EventReactor.Reactor.Journal;

namespace EventReactor.Reactor.Ui.Pages;

/// <summary>The live events page: the glob in force (null for all) and the latest events that match.</summary>
public sealed record EventsModel(string? Filter, IReadOnlyList<JournalEntry> Recent);
