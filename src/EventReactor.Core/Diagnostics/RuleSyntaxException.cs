namespace EventReactor.Core.Diagnostics;

/// <summary>Raised inside the rule parser for one problem; the parser collects them into diagnostics.</summary>
public sealed class RuleSyntaxException(RuleDiagnostic diagnostic) : Exception(diagnostic.ToString())
{
    public RuleDiagnostic Diagnostic { get; } = diagnostic;
}
