using EventReactor.Reactor.Rules;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EventReactor.Reactor.Health;

/// <summary>Ready when a valid rule set is in force.</summary>
internal sealed class RulesLoadedCheck(RuleSetProvider rules) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(rules.LastResult switch
        {
            null => HealthCheckResult.Unhealthy("rules not loaded yet"),
            { IsValid: true } valid => HealthCheckResult.Healthy($"{valid.RuleSet!.Rules.Count} rules"),
            _ => HealthCheckResult.Degraded($"the last edit was refused; the previous set is in force ({rules.Current.Rules.Count} rules)"),
        });
}
