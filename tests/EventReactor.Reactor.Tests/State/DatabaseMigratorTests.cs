using EventReactor.Reactor.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Tests.State;

public sealed class DatabaseMigratorTests
{
    [Fact]
    public async Task Start_MigrationMissingBelowTheHighestApplied_AppliesItOnly()
    {
        // Branches merge in any order: a database that has 5 must still get 4 when 4 arrives later. Forgetting 3 plays that.
        var root = Directory.CreateTempSubdirectory("migrator-");
        try
        {
            await using (var database = new ReactorDatabase(Options.Create(new ReactorOptions { DataPath = root.FullName })))
            {
                await new DatabaseMigrator(database, NullLogger<DatabaseMigrator>.Instance).StartAsync(CancellationToken.None);
                await ExecuteAsync(database, "DELETE FROM schema_version WHERE version = 3; DROP TABLE pool_members; DROP TABLE pool_additions; DROP TABLE pool_sizes; DROP TABLE provisioned; DROP INDEX jobs_by_time;");

                await new DatabaseMigrator(database, NullLogger<DatabaseMigrator>.Instance).StartAsync(CancellationToken.None);

                Assert.Equal(1L, await ScalarAsync(database, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'pool_members'"));
                Assert.Equal(1L, await ScalarAsync(database, "SELECT COUNT(*) FROM schema_version WHERE version = 3"));
                Assert.Equal(1L, await ScalarAsync(database, "SELECT COUNT(*) FROM schema_version WHERE version = 5"));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            root.Delete(recursive: true);
        }
    }

    private static Task ExecuteAsync(ReactorDatabase database, string sql) =>
        database.WriteAsync(async connection =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteNonQueryAsync();
        }, CancellationToken.None);

    private static async Task<object?> ScalarAsync(ReactorDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
