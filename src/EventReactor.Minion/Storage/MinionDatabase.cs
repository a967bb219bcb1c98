using Microsoft.Data.Sqlite;

namespace EventReactor.Minion.Storage;

/// <summary>
/// The minion's SQLite file in its data folder: the outbox and the state that reconciliation compares against.
/// One connection guarded by <see cref="Gate"/>; WAL with synchronous=NORMAL survives a killed process.
/// </summary>
internal sealed class MinionDatabase : IDisposable
{
    public const string FileName = "minion.db";

    public MinionDatabase(string dataPath)
    {
        Directory.CreateDirectory(dataPath);
        Path = System.IO.Path.Combine(dataPath, FileName);
        Connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        Connection.Open();
        Execute("""
            PRAGMA journal_mode=WAL;
            PRAGMA synchronous=NORMAL;
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
            """);
    }

    public string Path { get; }

    public SqliteConnection Connection { get; }

    public Lock Gate { get; } = new();

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => Connection.Dispose();
}
