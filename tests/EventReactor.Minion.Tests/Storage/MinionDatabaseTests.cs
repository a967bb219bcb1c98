using EventReactor.Contracts;
using EventReactor.Minion.Docker;
using EventReactor.Minion.Outbox;
using EventReactor.Minion.Storage;
using EventReactor.Minion.Tests.Outbox;
using Microsoft.Data.Sqlite;

namespace EventReactor.Minion.Tests.Storage;

public sealed class MinionDatabaseTests : IDisposable
{
    // minion.db as MinionDatabase's constructor created it before versioned migrations: tables, no schema_version.
    private const string UnversionedSchema = """
        PRAGMA journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, tag TEXT NOT NULL, kind INTEGER NOT NULL, json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS outbox_kind ON outbox (kind, seq);
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS containers (id TEXT PRIMARY KEY, name TEXT, image TEXT, running INTEGER NOT NULL, last_action TEXT NOT NULL, last_nano INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS seen (id TEXT PRIMARY KEY, nano INTEGER NOT NULL);
        """;

    private readonly TempDataFolder _data = new();

    [Fact]
    public void Open_FileFromBeforeVersionedMigrations_MigratedWithItsEventsAndStateKept()
    {
        var pending = TestEvents.Lifecycle("c1");
        using (var old = new SqliteConnection($"Data Source={Path.Combine(_data.Path, MinionDatabase.FileName)};Pooling=False"))
        {
            old.Open();
            using var command = old.CreateCommand();
            command.CommandText = UnversionedSchema + """
                INSERT INTO outbox (id, tag, kind, json) VALUES ($id, $tag, 0, $json);
                INSERT INTO meta (key, value) VALUES ('docker.last_seen_nano', '1234');
                """;
            command.Parameters.AddWithValue("$id", pending.Id);
            command.Parameters.AddWithValue("$tag", pending.Tag);
            command.Parameters.AddWithValue("$json", CloudEventJson.Serialize(pending));
            command.ExecuteNonQuery();
        }

        var database = _data.Open();

        Assert.Equal([pending.Id], new OutboxStore(database, 100).ReadAfter(0, 10).Select(e => e.Envelope.Id));
        Assert.Equal(1234, new ContainerStateStore(database).LastSeenNano);
        Assert.Empty(database.Migrate(TimeProvider.System));
    }

    [Fact]
    public void Open_Twice_MigratesOnlyTheFirstTime()
    {
        var first = _data.Open();
        new OutboxStore(first, 100).Append([TestEvents.Lifecycle("c1")]);

        var reopened = _data.Open();

        Assert.Empty(reopened.Migrate(TimeProvider.System));
        Assert.Equal(1, new OutboxStore(reopened, 100).Count);
    }

    [Fact]
    public void Open_FolderHeldByAnotherMinion_Fails()
    {
        using var held = MinionDatabase.Open(_data.Path);

        Assert.Throws<SqliteException>(() => MinionDatabase.Open(_data.Path));
    }

    public void Dispose() => _data.Dispose();
}
