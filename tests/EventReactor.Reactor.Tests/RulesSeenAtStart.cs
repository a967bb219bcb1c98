using EventReactor.Reactor.Rules;
using Microsoft.Extensions.Hosting;

namespace EventReactor.Reactor.Tests;

/// <summary>A hosted service registered before the reactor's: notes whether the rules were loaded when it started.</summary>
internal sealed class RulesSeenAtStart(RuleSetProvider rules) : IHostedService
{
    public bool Loaded { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Loaded = rules.LastResult is { IsValid: true } && rules.Current.Rules.Count > 0;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
