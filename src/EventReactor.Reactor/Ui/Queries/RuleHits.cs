namespace EventReactor.Reactor.Ui.Queries;

/// <summary>How often a rule's tag matched, by outcome, and its latest problem (failed action or condition error).</summary>
public sealed record RuleHits(string Rule, IReadOnlyDictionary<string, long> ByOutcome, string? LastError, DateTimeOffset? LastErrorAt)
{
    public long Acted => ByOutcome.GetValueOrDefault("acted");

    public long Total => ByOutcome.Values.Sum();
}
