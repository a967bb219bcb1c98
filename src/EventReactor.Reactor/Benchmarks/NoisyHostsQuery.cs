using EventReactor.Contracts.Api;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// Hosts that stay noisy: in each of their latest runs of a suite (up to <see cref="LatestRuns"/>, at least two) some
/// metric's RSD exceeded the run's threshold. One noisy run is bad luck; a host that is noisy every time is busy,
/// throttled or shared, and its figures compare poorly with anyone's.
/// </summary>
internal sealed class NoisyHostsQuery(IBenchmarkStore store, IHostLoadHistory history)
{
    public const int LatestRuns = 3;

    public async Task<IReadOnlyList<BenchNoisyHost>> FindAsync(string? suite, CancellationToken cancellationToken)
    {
        var noisy = new List<BenchNoisyHost>();
        foreach (var host in (await store.ListHostSpreadAsync(suite, cancellationToken)).GroupBy(s => (s.Suite, s.Minion)))
        {
            var latest = host.TakeLast(LatestRuns).ToList();
            if (latest.Count < 2 || latest.Any(s => s.MaxRsd <= s.RsdThreshold))
            {
                continue;
            }

            var last = latest[^1];
            var load = last is { StartedAt: { } from, EndedAt: { } to } ? await history.SummariseAsync(last.Minion, from, to, cancellationToken) : new HostLoad(null, null);
            noisy.Add(new BenchNoisyHost(last.Suite, last.Minion, latest.Count, last.RsdThreshold, last.MaxRsd, last.Run, load.Load1, load.CpuBusyPercent, null));
        }

        return noisy;
    }
}
