using EventReactor.Core.Diagnostics;

namespace EventReactor.Core.Benchmarks;

/// <summary>A suite that cannot be run: not found, or invalid with every problem as <c>file:line:column: message</c>.</summary>
public sealed class BenchmarkSuiteException(string message, IReadOnlyList<RuleDiagnostic> diagnostics) : Exception(message)
{
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; } = diagnostics;
}
