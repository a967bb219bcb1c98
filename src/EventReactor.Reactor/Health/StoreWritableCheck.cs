using EventReactor.Reactor.State;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EventReactor.Reactor.Health;

/// <summary>Ready when the state database takes a write.</summary>
internal sealed class StoreWritableCheck(ReactorDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.WriteAsync(async connection =>
            {
                await using var command = connection.CreateCommand();

                // BEGIN IMMEDIATE takes the write lock without changing anything.
                command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
                return await command.ExecuteNonQueryAsync(cancellationToken);
            }, cancellationToken);
            return HealthCheckResult.Healthy(database.FilePath);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{database.FilePath}: {ex.Message}");
        }
    }
}
