using EventReactor.Contracts.Api;

namespace EventReactor.Core.Evaluation.Replay;

/// <summary>Counts the differences of a replay per (kind, rule, action) and keeps the first few examples of each, so memory follows the rules, not the events.</summary>
internal sealed class ReplayTally
{
    private const int ExamplesKept = 3;
    private readonly Dictionary<(DifferenceKind Kind, string Rule, int Index, string? Action), Entry> _entries = [];

    public void Add(DifferenceKind kind, string rule, int index, string? action, ReplayExample example)
    {
        var key = (kind, rule, index, action);
        if (!_entries.TryGetValue(key, out var entry))
        {
            entry = new Entry();
            _entries[key] = entry;
        }

        entry.Count++;
        if (entry.Examples.Count < ExamplesKept)
        {
            entry.Examples.Add(example);
        }
    }

    public IReadOnlyList<ReplayDifference> Of(DifferenceKind kind) =>
        [.. _entries
            .Where(pair => pair.Key.Kind == kind)
            .OrderByDescending(pair => pair.Value.Count)
            .ThenBy(pair => pair.Key.Rule, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Index)
            .Select(pair => new ReplayDifference(pair.Key.Rule, pair.Key.Action, pair.Key.Index < 0 ? null : pair.Key.Index + 1, pair.Value.Count, pair.Value.Examples))];

    private sealed class Entry
    {
        public int Count { get; set; }

        public List<ReplayExample> Examples { get; } = [];
    }
}
