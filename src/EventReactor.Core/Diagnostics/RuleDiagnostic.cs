namespace EventReactor.Core.Diagnostics;

/// <summary>One problem in a rule file, printed as <c>file:line:column: message</c>.</summary>
public sealed record RuleDiagnostic(SourceLocation Location, string Message)
{
    public override string ToString() => $"{Location}: {Message}";
}
