namespace EventReactor.Reactor.State;

/// <summary>
/// The reactor database's schema as numbered migrations. Append new ones; never edit one that has shipped,
/// since databases in the field have already applied it.
/// </summary>
internal static class ReactorSchema
{
    public static IReadOnlyList<(int Version, string Description, string Sql)> Migrations { get; } =
    [
        (1, "idempotency ledger and audit", """
            CREATE TABLE reactions (
                event_id     TEXT    NOT NULL,
                rule         TEXT    NOT NULL,
                action_index INTEGER NOT NULL,
                status       TEXT    NOT NULL,
                updated_at   INTEGER NOT NULL,
                PRIMARY KEY (event_id, rule, action_index)
            ) WITHOUT ROWID;
            CREATE TABLE audit (
                id           INTEGER PRIMARY KEY,
                event_id     TEXT    NOT NULL,
                event_tag    TEXT    NOT NULL,
                rule         TEXT    NOT NULL,
                location     TEXT    NOT NULL,
                outcome      TEXT    NOT NULL,
                detail       TEXT,
                actions      TEXT    NOT NULL,
                at           INTEGER NOT NULL,
                duration_us  INTEGER NOT NULL
            );
            CREATE INDEX audit_by_event ON audit (event_id);
            """),
    ];
}
