using EventReactor.Contracts;

namespace EventReactor.Reactor.Outbox;

/// <summary>The one statement that stores an emitted event, shared by the outbox and the ledger's completion (same transaction).</summary>
internal static class OutboxRows
{
    public const string InsertSql = """
        INSERT INTO reactor_outbox (event_id, tag, json, created_at) VALUES ($outbox_id, $outbox_tag, $outbox_json, $outbox_now)
        """;

    /// <summary>The same insert, made only when the statement just before it changed one row (a fenced completion that landed).</summary>
    public const string InsertIfChangedSql = """
        INSERT INTO reactor_outbox (event_id, tag, json, created_at) SELECT $outbox_id, $outbox_tag, $outbox_json, $outbox_now WHERE changes() = 1
        """;

    public static KeyValuePair<string, object>[] InsertParameters(EventEnvelope envelope, DateTimeOffset now) =>
    [
        new("$outbox_id", envelope.Id),
        new("$outbox_tag", envelope.Tag),
        new("$outbox_json", CloudEventJson.SerializeToUtf8Bytes(envelope)),
        new("$outbox_now", now.ToUnixTimeMilliseconds()),
    ];
}
