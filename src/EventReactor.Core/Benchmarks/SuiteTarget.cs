namespace EventReactor.Core.Benchmarks;

/// <summary>A target as <c>minion.run</c> takes it: <c>tgt</c> and <c>tgt_type</c> (glob, list, grain, pool, expr).</summary>
public sealed record SuiteTarget(string Target, string TargetType);
