using EventReactor.Messaging;
using EventReactor.Reactor.Processing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Health;

/// <summary>
/// Ready once the partition queues are bound and consumed: an event published before they are bound reaches no queue.
/// </summary>
internal sealed class TopologyDeclaredCheck(TopologyState state, IOptions<BusOptions> bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bus.Value.InMemory || state.Ready
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("the partition queues are not declared and consumed yet"));
}
