using System.Data.Common;
using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Core.Evaluation.Replay;

namespace EventReactor.Reactor.Journal;

/// <summary>
/// Turns the rows of a journal window joined with the audit (<see cref="Columns"/>, one row per audit record, or one
/// with null audit columns) into one <see cref="RecordedEvent"/> per event; both stores share it.
/// </summary>
internal static class RecordedEventReader
{
    private const int Key = 0;
    private const int Id = 1;
    private const int Tag = 2;
    private const int Source = 3;
    private const int Time = 4;
    private const int Minion = 5;
    private const int CausedBy = 6;
    private const int Depth = 7;
    private const int Data = 8;
    private const int Rule = 9;
    private const int Outcome = 10;
    private const int Detail = 11;
    private const int Actions = 12;

    /// <summary>
    /// The select list both stores use, over <c>events e LEFT JOIN audit a</c>; <paramref name="key"/> is the events'
    /// insertion order column, a number that tells rows of the same event apart without reading the id as text. The
    /// two JSON columns come as UTF-8 bytes (<paramref name="utf8"/> is the store's conversion): parsed from bytes,
    /// they are not decoded to text and back. Of the audit, only what replay compares is read (rule, outcome, detail,
    /// actions): each column read costs, and a window has millions. The records' location is empty, their time the
    /// event's and their duration 0.
    /// </summary>
    public static string Columns(string key, Func<string, string> utf8) =>
        $"{key}, e.id, e.tag, e.source, e.time, e.minion, e.caused_by, e.depth, {utf8("e.data")}, a.rule, a.outcome, a.detail, {utf8("a.actions")}";

    public static async Task<long> ReadAsync(DbDataReader reader, Action<RecordedEvent> visit, CancellationToken cancellationToken)
    {
        long count = 0;
        long key = 0;
        EventEnvelope? current = null;
        var audit = new List<AuditRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var rowKey = reader.GetInt64(Key);
            if (current is null || rowKey != key)
            {
                if (current is not null)
                {
                    visit(new RecordedEvent(current, audit));
                    audit = [];
                    count++;
                }

                key = rowKey;
                current = ReadEvent(reader);
            }

            if (!reader.IsDBNull(Rule))
            {
                audit.Add(ReadAudit(reader, current));
            }
        }

        if (current is not null)
        {
            visit(new RecordedEvent(current, audit));
            count++;
        }

        return count;
    }

    private static EventEnvelope ReadEvent(DbDataReader reader) =>
        new()
        {
            Id = reader.GetString(Id),
            Tag = reader.GetString(Tag),
            Source = reader.GetString(Source),
            Time = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(Time)),
            Minion = reader.IsDBNull(Minion) ? null : reader.GetString(Minion),
            CausedBy = reader.IsDBNull(CausedBy) ? null : reader.GetString(CausedBy),
            Depth = reader.GetInt32(Depth),
            Data = JsonElement.Parse(reader.GetFieldValue<byte[]>(Data)),
        };

    private static AuditRecord ReadAudit(DbDataReader reader, EventEnvelope envelope) => new(
        envelope.Id,
        envelope.Tag,
        reader.GetString(Rule),
        string.Empty,
        WireNames.Parse<RuleOutcome>(reader.GetString(Outcome)),
        reader.IsDBNull(Detail) ? null : reader.GetString(Detail),
        AuditActionsReader.Read(reader.GetFieldValue<byte[]>(Actions)),
        envelope.Time,
        0);
}
