namespace EventReactor.Core.Tests.Conformance;

/// <summary>One test of a conformance file: its expression, bindings and expected outcome, or why it is out of scope.</summary>
internal sealed record ConformanceCase(
    string Name,
    string Expression,
    IReadOnlyDictionary<string, object?> Bindings,
    string? Expected,
    bool ExpectsError,
    string? SkipReason);
