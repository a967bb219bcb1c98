using EventReactor.Core.Diagnostics;

namespace EventReactor.Core.Rules;

/// <summary>The outcome of loading rule files: a rule set when there are no diagnostics.</summary>
public sealed record RuleSetLoadResult(RuleSet? RuleSet, IReadOnlyList<RuleDiagnostic> Diagnostics, IReadOnlyList<string> Files)
{
    public bool IsValid => Diagnostics.Count == 0;

    public RuleSet GetValidRuleSet() => RuleSet ?? throw new RuleSetInvalidException(Diagnostics);
}
