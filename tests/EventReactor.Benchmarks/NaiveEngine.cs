using EventReactor.Contracts;
using EventReactor.Core.Expressions;
using EventReactor.Core.Rules;

namespace EventReactor.Benchmarks;

/// <summary>The old path: every glob of every rule, and each matching rule's condition through the Cel package's delegate.</summary>
internal sealed class NaiveEngine(RuleSet rules) : IEngine
{
    public string Name => "naive (every glob, Cel package)";

    public int Process(EventEnvelope envelope)
    {
        var fired = 0;
        var scope = new EvaluationScope(envelope);
        foreach (var rule in rules.Rules)
        {
            if (rule.MatchesTag(envelope.Tag))
            {
                fired += Conditions.Holds(rule, scope.WithVars(rule.Vars), usePackage: true) ? 1 : 0;
            }
        }

        return fired;
    }
}
