using EventReactor.Contracts.Api;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>Benchmark runs, their hosts, repetitions and results; SQLite by default, a shared database when several reactors share the work.</summary>
internal interface IBenchmarkStore
{
    /// <summary>Stores a new run with its hosts, together.</summary>
    Task CreateRunAsync(BenchmarkRun run, IReadOnlyList<BenchmarkHost> hosts, CancellationToken cancellationToken);

    /// <summary>Sets the run's status and reason; a start or end time given is set, one not given is kept.</summary>
    Task SetRunStatusAsync(string run, BenchmarkStatus status, string? reason, DateTimeOffset? startedAt, DateTimeOffset? endedAt, CancellationToken cancellationToken);

    /// <summary>Sets a host's status and reason; with <paramref name="onlyUnfinished"/>, only while it is pending or running.</summary>
    Task SetHostStatusAsync(string run, string minion, BenchmarkStatus status, string? reason, CancellationToken cancellationToken, bool onlyUnfinished = false);

    /// <summary>Inserts or replaces the attempt's row: it is written when the attempt starts and again when it ends.</summary>
    Task SaveRepetitionAsync(BenchmarkRepetition repetition, CancellationToken cancellationToken);

    /// <summary>Attempts still marked running when their run ended (a stop, a crash) end with the run's reason.</summary>
    Task FailRunningRepetitionsAsync(string run, string reason, DateTimeOffset endedAt, CancellationToken cancellationToken);

    /// <summary>Records the container of a job as soon as the engine reports it started, before the job returns; a known container is kept.</summary>
    Task SetContainerAsync(string jid, string containerId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces each host's statistics of each metric.</summary>
    Task SaveResultsAsync(IReadOnlyList<HostMetricResult> results, CancellationToken cancellationToken);

    /// <summary>The newest runs first, optionally of one suite.</summary>
    Task<IReadOnlyList<BenchmarkRun>> ListRunsAsync(string? suite, int limit, CancellationToken cancellationToken);

    /// <summary>Runs that were pending or running; after a restart nothing drives them any more.</summary>
    Task<IReadOnlyList<BenchmarkRun>> ListUnfinishedAsync(CancellationToken cancellationToken);

    /// <summary>The run with its hosts by minion, repetitions by minion (warm-ups first) and results by minion and metric.</summary>
    Task<BenchmarkRunDetail?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Changes after every write that may change what <see cref="ListMeasuredAsync"/> returns: while it stays the same, so do its answers.</summary>
    long MeasuredVersion { get; }

    /// <summary>Values of every measured repetition of hosts that finished, optionally of one suite, oldest run first.</summary>
    Task<IReadOnlyList<MeasuredValues>> ListMeasuredAsync(string? suite, CancellationToken cancellationToken);

    /// <summary>Per finished run and host, the largest RSD over its metrics and the run's threshold, oldest run first.</summary>
    Task<IReadOnlyList<HostSpread>> ListHostSpreadAsync(string? suite, CancellationToken cancellationToken);
}
