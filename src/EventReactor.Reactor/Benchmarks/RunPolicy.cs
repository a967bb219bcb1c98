using EventReactor.Core.Benchmarks;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>How a run repeats, copied from its suite when it started, so that later edits of the suite do not change what a run means.</summary>
public sealed record RunPolicy(int Warmup, int Min, int Max, double RsdThreshold, int Retries, double TimeoutSeconds)
{
    public static RunPolicy From(BenchmarkSuite suite) =>
        new(suite.Repetitions.Warmup, suite.Repetitions.Min, suite.Repetitions.Max, suite.Repetitions.RsdThreshold, suite.Retries, suite.Timeout.TotalSeconds);
}
