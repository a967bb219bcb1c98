using EventReactor.Reactor.Journal;

namespace EventReactor.Reactor.Ui.Pages;

/// <summary>
/// An event's page: the event (null when the journal no longer has it), the events that led to it (root first), those
/// it caused (depth-first, with their depth below it), and every rule's decision.
/// </summary>
public sealed record EventModel(
    string Id,
    string Tag,
    JournalEntry? Event,
    IReadOnlyList<JournalEntry> Causes,
    IReadOnlyList<(int Depth, JournalEntry Event)> Consequences,
    IReadOnlyList<RuleDecision> Decisions);
