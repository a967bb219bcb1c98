using EventReactor.Reactor.Minions;
using EventReactor.Reactor.State;
using EventReactor.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Tests.State;

public sealed class ReactorDatabaseTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("reactor-db-");

    [Fact]
    public async Task Migrate_FileMigratedByThePreviousMigrator_NothingToApplyAndRowsKept()
    {
        // What the reactor's own migrator left before the shared one: its table, each migration and a row of state.
        using (var old = new SqliteConnection($"Data Source={Path.Combine(_root.FullName, "reactor.db")};Pooling=False"))
        {
            old.Open();
            Execute(old, "PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at INTEGER NOT NULL)");
            foreach (var migration in ReactorSchema.Migrations)
            {
                Execute(old, migration.Sql + $"; INSERT INTO schema_version VALUES ({migration.Version}, 1)");
            }

            Execute(old, "INSERT INTO minions VALUES ('m1', 1000, 2000, 1, 10, '{\"os\":\"linux\"}')");
        }

        await using var database = Open();

        Assert.Empty(database.Migrate(TimeProvider.System));
        var minion = await new SqliteMinionStore(database).FindAsync("m1", CancellationToken.None);
        Assert.Equal("linux", minion!.Grains!.Value.GetProperty("os").GetString());
    }

    [Fact]
    public async Task Migrate_NewFile_EveryMigrationInOrder()
    {
        await using var database = Open();

        var applied = database.Migrate(TimeProvider.System);

        Assert.Equal(ReactorSchema.Migrations.Select(m => m.Version).Order(), applied.Select(m => m.Version));
        Assert.Empty(database.Migrate(TimeProvider.System));
    }

    [Fact]
    public async Task Migrate_MigrationMissingBelowTheHighestApplied_AppliesItOnly()
    {
        // Branches merge in any order: a database that has 5 must still get 4 when 4 arrives later. Forgetting 3 plays that.
        await using var database = Open();
        database.Migrate(TimeProvider.System);
        await database.ExecuteAsync("DELETE FROM schema_version WHERE version = 3; DROP TABLE pool_members; DROP TABLE pool_additions; DROP TABLE pool_sizes; DROP TABLE provisioned; DROP INDEX jobs_by_time;", CancellationToken.None);

        var applied = database.Migrate(TimeProvider.System);

        Assert.Equal([3], applied.Select(m => m.Version));
        Assert.Equal(1L, await database.ReadAsync(c => c.ScalarAsync("SELECT COUNT(*) FROM sqlite_master WHERE name = 'pool_members'", CancellationToken.None), CancellationToken.None));
    }

    [Fact]
    public async Task Migrate_FailingMigration_NothingOfItKeptAndNotRecorded()
    {
        await using var database = Open();
        database.Migrate(TimeProvider.System);
        await database.ExecuteAsync("DELETE FROM schema_version WHERE version = 5", CancellationToken.None);

        // bench_runs still exists, so migration 5 fails at its first statement and rolls back whole.
        Assert.ThrowsAny<SqliteException>(() => database.Migrate(TimeProvider.System));

        Assert.DoesNotContain(5, await database.QueryAsync("SELECT version FROM schema_version", r => r.GetInt32(0), CancellationToken.None));
    }

    [Fact]
    public async Task WriteAsync_LogBelowSQLitesOwnThreshold_CheckpointedIntoTheFileBesideTheWriter()
    {
        await using var database = Open();
        database.Migrate(TimeProvider.System);
        await database.ExecuteAsync("CREATE TABLE filler (bytes BLOB NOT NULL)", CancellationToken.None);
        var file = new FileInfo(database.FilePath);
        var before = file.Length;

        // About 2 MB in four commits: half of the 1,000 pages at which SQLite would checkpoint inside a commit.
        for (var i = 0; i < 4; i++)
        {
            await database.ExecuteAsync("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) INSERT INTO filler SELECT randomblob(50000) FROM n", CancellationToken.None);
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (file.Length < before + 2_000_000 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            file.Refresh();
        }

        Assert.True(file.Length >= before + 2_000_000, $"reactor.db is {file.Length} bytes: the log was not checkpointed into it");
    }

    [Fact]
    public async Task WriteAsync_WriterConnection_CheckpointsItselfOnlyPast64MegabytesOfLog()
    {
        await using var database = Open();

        var pages = await database.WriteAsync(connection => connection.ScalarAsync("PRAGMA wal_autocheckpoint", CancellationToken.None), CancellationToken.None);

        Assert.Equal(16384L, pages);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _root.Delete(recursive: true);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private ReactorDatabase Open() => new(Options.Create(new ReactorOptions { DataPath = _root.FullName }));
}
