using EventReactor.Core.Diagnostics;

namespace EventReactor.Reactor.Pools;

/// <summary>The pools file has problems at start; each names the file, line and column.</summary>
public sealed class PoolsFileInvalidException(IReadOnlyList<RuleDiagnostic> diagnostics)
    : Exception($"the pools file is invalid:{Environment.NewLine}{string.Join(Environment.NewLine, diagnostics)}")
{
    public IReadOnlyList<RuleDiagnostic> Diagnostics { get; } = diagnostics;
}
