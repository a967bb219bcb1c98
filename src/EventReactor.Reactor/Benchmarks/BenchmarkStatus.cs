namespace EventReactor.Reactor.Benchmarks;

/// <summary>The states of runs, hosts and repetitions, as stored and shown.</summary>
public static class BenchmarkStatus
{
    public const string Pending = "pending";
    public const string Running = "running";
    public const string Done = "done";
    public const string Failed = "failed";

    /// <summary>A repetition that returned and whose results were read.</summary>
    public const string Ok = "ok";
}
