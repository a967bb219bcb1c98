namespace EventReactor.Core.Diagnostics;

/// <summary>Thrown where a rule set must be valid to go on (start-up); carries every problem found.</summary>
public sealed class RuleSetInvalidException(IReadOnlyList<RuleDiagnostic> diagnostics)
    : Exception($"the rule set is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}")
{
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; } = diagnostics;
}
