using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventReactor.Reactor.State;

/// <summary>Brings the database to the current schema before anything else starts.</summary>
internal sealed partial class DatabaseMigrator(ReactorDatabase database, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.WriteAsync(async connection =>
        {
            await ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at INTEGER NOT NULL)", cancellationToken);
            // Every migration not yet applied, in order: not just those above the highest, since branches that add
            // migrations merge in any order (a database at 5 must still get 4 when 4 arrives later).
            var applied = await AppliedVersionsAsync(connection, cancellationToken);
            foreach (var (version, description, sql) in ReactorSchema.Migrations.Where(m => !applied.Contains(m.Version)).OrderBy(m => m.Version))
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await ExecuteAsync(connection, transaction, $"INSERT INTO schema_version VALUES ({version}, {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()})", cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                LogMigrated(logger, version, description, database.FilePath);
            }

            return true;
        }, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<HashSet<int>> AppliedVersionsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM schema_version";
        var versions = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated to version {Version} ({Description}) at {Path}")]
    private static partial void LogMigrated(ILogger logger, int version, string description, string path);
}
