namespace EventReactor.Reactor.Benchmarks;

/// <summary>Labels on a repetition's container, so that Docker events, metrics and operators can tell what it belongs to.</summary>
public static class BenchmarkLabels
{
    public const string Run = "eventreactor.bench.run";
    public const string Repetition = "eventreactor.bench.repetition";
    public const string Attempt = "eventreactor.bench.attempt";

    /// <summary>The minion's own label naming the job that made a container (ContainerRunFunction.JobLabel).</summary>
    public const string Job = "eventreactor.jid";

    /// <summary><c>3</c> for the third measured repetition, <c>warmup-1</c> for the first warm-up.</summary>
    public static string RepetitionValue(bool warmup, int index) => warmup ? $"warmup-{index}" : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
