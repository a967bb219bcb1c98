using EventReactor.Minion.Outbox;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Health;

/// <summary>Ready while the outbox answers; degraded when it holds more than it may (the broker has been away long).</summary>
internal sealed class OutboxHealthCheck(OutboxStore outbox, IOptions<MinionOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var depth = outbox.Count;
            var bound = options.Value.Outbox.MaxEvents;
            return Task.FromResult(depth > bound
                ? HealthCheckResult.Degraded($"{depth} events waiting, over the bound of {bound}")
                : HealthCheckResult.Healthy($"{depth} events waiting"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"the outbox does not answer: {ex.Message}"));
        }
    }
}
