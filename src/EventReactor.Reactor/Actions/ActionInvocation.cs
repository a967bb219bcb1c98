using EventReactor.Contracts;
using EventReactor.Core.Rules;

namespace EventReactor.Reactor.Actions;

/// <summary>One action about to run: the event that caused it, its rule, and its rendered arguments.</summary>
public sealed record ActionInvocation(EventEnvelope Event, Rule Rule, RuleAction Action, IReadOnlyDictionary<string, object?> Arguments)
{
    public string? GetString(string name) => Arguments.GetValueOrDefault(name) as string;
}
