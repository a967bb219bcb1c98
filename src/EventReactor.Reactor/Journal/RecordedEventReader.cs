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
    /// <summary>
    /// The select list both stores use, over <c>events e LEFT JOIN audit a</c>. The two JSON columns come as UTF-8 bytes
    /// (<paramref name="utf8"/> is the store's conversion): parsed from bytes, they are not decoded to text and back,
    /// which is most of the cost of reading a window.
    /// </summary>
    public static string Columns(Func<string, string> utf8) =>
        $"e.id, e.tag, e.source, e.time, e.minion, e.caused_by, e.depth, {utf8("e.data")}, a.rule, a.location, a.outcome, a.detail, {utf8("a.actions")}, a.at, a.duration_us";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<long> ReadAsync(DbDataReader reader, Action<RecordedEvent> visit, CancellationToken cancellationToken)
    {
        long count = 0;
        EventEnvelope? current = null;
        var audit = new List<AuditRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            if (current?.Id != id)
            {
                if (current is not null)
                {
                    visit(new RecordedEvent(current, audit));
                    audit = [];
                    count++;
                }

                current = ReadEvent(reader, id);
            }

            if (!reader.IsDBNull(8))
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

    private static EventEnvelope ReadEvent(DbDataReader reader, string id) =>
        new()
        {
            Id = id,
            Tag = reader.GetString(1),
            Source = reader.GetString(2),
            Time = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
            Minion = reader.IsDBNull(4) ? null : reader.GetString(4),
            CausedBy = reader.IsDBNull(5) ? null : reader.GetString(5),
            Depth = reader.GetInt32(6),
            Data = JsonElement.Parse(reader.GetFieldValue<byte[]>(7)),
        };

    private static AuditRecord ReadAudit(DbDataReader reader, EventEnvelope envelope) => new(
        envelope.Id,
        envelope.Tag,
        reader.GetString(8),
        reader.GetString(9),
        WireNames.Parse<RuleOutcome>(reader.GetString(10)),
        reader.IsDBNull(11) ? null : reader.GetString(11),
        Actions(reader.GetFieldValue<byte[]>(12)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(13)),
        reader.GetInt64(14) / 1000.0);

    private static IReadOnlyList<ActionAudit> Actions(byte[] json) =>
        json is [(byte)'[', (byte)']'] ? [] : JsonSerializer.Deserialize<List<ActionAudit>>(json, Json) ?? [];
}
