using EventReactor.Reactor.State;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EventReactor.Reactor.Health;

/// <summary>Ready when the state database takes a write.</summary>
internal sealed class StoreWritableCheck(IStateDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await database.CheckWritableAsync(cancellationToken);
            return HealthCheckResult.Healthy(database.Location);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{database.Location}: {ex.Message}");
        }
    }
}
