using EventReactor.Storage;

namespace EventReactor.Minion.Storage;

/// <summary><c>minion.db</c>'s schema as numbered migrations.</summary>
internal static class MinionSchema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        // IF NOT EXISTS: a file from before versioned migrations already has these tables, and keeps its rows.
        new(1, "outbox, meta, containers, seen", """
            CREATE TABLE IF NOT EXISTS outbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                id TEXT NOT NULL UNIQUE,
                tag TEXT NOT NULL,
                kind INTEGER NOT NULL,
                json TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS outbox_kind ON outbox (kind, seq);
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS containers (
                id TEXT PRIMARY KEY,
                name TEXT,
                image TEXT,
                running INTEGER NOT NULL,
                last_action TEXT NOT NULL,
                last_nano INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS seen (id TEXT PRIMARY KEY, nano INTEGER NOT NULL);
            """),
        // 20 and up: issue #11 (trust), numbered apart from the migrations other work in flight adds.
        new(20, "replay cache of signed commands", """
            CREATE TABLE command_nonces (
                nonce      TEXT    PRIMARY KEY,
                expires_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX command_nonces_by_expiry ON command_nonces (expires_at);
            """),
    ];
}
