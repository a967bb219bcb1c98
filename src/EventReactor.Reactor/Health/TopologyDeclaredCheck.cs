using EventReactor.Messaging;
using EventReactor.Reactor.Processing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Health;

/// <summary>
/// Ready once the partition queues are bound: MassTransit's endpoints may be consuming before that, and an event
/// published then would reach no queue.
/// </summary>
internal sealed class TopologyDeclaredCheck(TopologyState state, IOptions<BusOptions> bus) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(bus.Value.InMemory || state.Declared
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("the event exchanges and partition queues are not declared yet"));
}
