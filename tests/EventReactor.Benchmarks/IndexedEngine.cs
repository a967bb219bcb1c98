using EventReactor.Contracts;
using EventReactor.Core.Expressions;
using EventReactor.Core.Rules;

namespace EventReactor.Benchmarks;

/// <summary>What the reactor does per event: the tag index, then each matching rule's compiled condition.</summary>
internal sealed class IndexedEngine(RuleSet rules) : IEngine
{
    public string Name => "indexed + fast conditions";

    public int Process(EventEnvelope envelope)
    {
        var fired = 0;
        var scope = new EvaluationScope(envelope);
        foreach (var rule in rules.Match(envelope.Tag))
        {
            fired += Conditions.Holds(rule, scope.WithVars(rule.Vars), usePackage: false) ? 1 : 0;
        }

        return fired;
    }
}
