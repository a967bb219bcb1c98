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
            var current = await CurrentVersionAsync(connection, cancellationToken);
            foreach (var (version, description, sql) in ReactorSchema.Migrations.Where(m => m.Version > current))
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

    private static async Task<int> CurrentVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
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
