using EventReactor.Reactor.Metrics;
using EventReactor.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Tests.Metrics;

public sealed class MetricsDatabaseTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("metrics-db-");

    [Fact]
    public async Task Migrate_FileFromBeforeVersionedMigrations_RecordsVersionOneAndKeepsSamples()
    {
        // metrics.db as MetricsDatabase created it before: its tables, user_version = 1, no schema_version.
        using (var old = new SqliteConnection($"Data Source={Path.Combine(_root.FullName, "metrics.db")};Pooling=False"))
        {
            old.Open();
            using var command = old.CreateCommand();
            command.CommandText = MetricsSchema.Migrations[0].Sql + """
                PRAGMA user_version = 1;
                INSERT INTO es_outbox (data_stream, doc_id, document) VALUES ('metrics-docker.container-default', 'd1', '{}');
                """;
            command.ExecuteNonQuery();
        }

        await using var database = new MetricsDatabase(Options.Create(new ReactorOptions { DataPath = _root.FullName }));

        Assert.Equal([1], database.Migrate(TimeProvider.System).Select(m => m.Version));
        Assert.Equal(1L, await database.CountOutboxAsync(CancellationToken.None));
        Assert.Equal([1], await database.QueryAsync("SELECT version FROM schema_version", r => r.GetInt32(0), CancellationToken.None));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _root.Delete(recursive: true);
    }
}
