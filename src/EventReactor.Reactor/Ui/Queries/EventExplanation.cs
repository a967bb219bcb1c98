using EventReactor.Contracts.Api;
using EventReactor.Core.Rules;
using EventReactor.Reactor.Audit;
using EventReactor.Reactor.Journal;
using EventReactor.Reactor.Ui.Pages;

namespace EventReactor.Reactor.Ui.Queries;

/// <summary>
/// Puts an event's page together: the journal's copy, its causation chain up and down, and a decision for every rule in
/// force: the audit for those whose tag matched (the <c>rules explain</c> record), and for the others, why not.
/// </summary>
internal sealed class EventExplanation(EventJournal journal, IAuditLog audit)
{
    private const int MaxChain = 32;
    private const int MaxConsequences = 200;

    public async Task<EventModel?> ExplainAsync(string id, RuleSet rules, CancellationToken cancellationToken)
    {
        var entry = await journal.FindAsync(id, cancellationToken);
        var records = await audit.ForEventAsync(id, cancellationToken);
        if (entry is null && records.Count == 0)
        {
            return null;
        }

        var tag = entry?.Tag ?? records[0].EventTag;
        return new EventModel(id, tag, entry, await CausesAsync(entry, cancellationToken), await ConsequencesAsync(id, cancellationToken), Decisions(tag, records, rules));
    }

    public static IReadOnlyList<RuleDecision> Decisions(string tag, IReadOnlyList<AuditRecord> records, RuleSet rules)
    {
        var decisions = records.Select(r => new RuleDecision(r.Rule, r.Location, r.Outcome.ToWire(), Why(r.Outcome.ToWire(), r.Detail), r.Actions)).ToList();
        var audited = records.Select(r => r.Rule).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in rules.Rules.Where(r => !audited.Contains(r.Name)))
        {
            var globs = string.Join(", ", rule.On.Select(g => g.Pattern));
            decisions.Add(rule.MatchesTag(tag)
                ? new RuleDecision(rule.Name, rule.Location.ToString(), "not-evaluated", $"its tag matches ({globs}), but the rule was not in force when the event was handled", [])
                : new RuleDecision(rule.Name, rule.Location.ToString(), "no-match", $"the tag matches none of its globs: {globs}", []));
        }

        return decisions;
    }

    /// <summary>The evaluator's reason, or for an outcome that comes without one, the reason in words.</summary>
    public static string Why(string outcome, string? detail) => detail ?? outcome switch
    {
        "acted" => "its tag matched and its condition held",
        "failed" => "an action failed after its retries",
        _ => outcome,
    };

    private async Task<IReadOnlyList<JournalEntry>> CausesAsync(JournalEntry? entry, CancellationToken cancellationToken)
    {
        var causes = new List<JournalEntry>();
        var cause = entry?.CausedBy;
        while (cause is not null && causes.Count < MaxChain && await journal.FindAsync(cause, cancellationToken) is { } parent)
        {
            causes.Insert(0, parent);
            cause = parent.CausedBy;
        }

        return causes;
    }

    private async Task<IReadOnlyList<(int Depth, JournalEntry Event)>> ConsequencesAsync(string id, CancellationToken cancellationToken)
    {
        var found = new List<(int, JournalEntry)>();
        var stack = new Stack<(int Depth, JournalEntry Event)>((await journal.CausedByAsync(id, cancellationToken)).Reverse().Select(e => (1, e)));
        while (stack.Count > 0 && found.Count < MaxConsequences)
        {
            var (depth, next) = stack.Pop();
            found.Add((depth, next));
            if (depth < MaxChain)
            {
                foreach (var child in (await journal.CausedByAsync(next.Id, cancellationToken)).Reverse())
                {
                    stack.Push((depth + 1, child));
                }
            }
        }

        return found;
    }
}
