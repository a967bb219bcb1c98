using EventReactor.Contracts;

namespace EventReactor.Reactor.Journal;

/// <summary>
/// The journal's rows in PostgreSQL, as one multi-row insert that the audit's statement carries in front of its own
/// (<see cref="Audit.PostgresAuditStore"/>): one round trip and one transaction for both.
/// </summary>
internal static class PostgresJournalRows
{
    public const string Insert = """
        INSERT INTO events (id, tag, source, time, minion, caused_by, depth, data)
        SELECT i, t, s, ti, m, c, d, da
        FROM unnest(@journal_id, @journal_tag, @journal_source, @journal_time, @journal_minion, @journal_cause, @journal_depth, @journal_data)
            WITH ORDINALITY AS x(i, t, s, ti, m, c, d, da, n)
        ORDER BY n
        ON CONFLICT (id) DO NOTHING
        """;

    public static (string Name, object? Value)[] Parameters(IReadOnlyList<EventEnvelope> events) =>
    [
        ("journal_id", events.Select(e => e.Id).ToArray()),
        ("journal_tag", events.Select(e => e.Tag).ToArray()),
        ("journal_source", events.Select(e => e.Source).ToArray()),
        ("journal_time", events.Select(e => e.Time.ToUnixTimeMilliseconds()).ToArray()),
        ("journal_minion", events.Select(e => e.Minion).ToArray()),
        ("journal_cause", events.Select(e => e.CausedBy).ToArray()),
        ("journal_depth", events.Select(e => e.Depth).ToArray()),
        ("journal_data", events.Select(e => e.Data.GetRawText()).ToArray()),
    ];
}
