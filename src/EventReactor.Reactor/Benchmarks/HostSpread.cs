namespace EventReactor.Reactor.Benchmarks;

/// <summary>How much one host's repetitions spread in one run: its largest RSD over the metrics, against the run's threshold.</summary>
internal sealed record HostSpread(string Run, string Suite, string Minion, double RsdThreshold, double MaxRsd, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt);
