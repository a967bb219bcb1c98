using System.Globalization;
using EventReactor.Cli.Client;
using EventReactor.Contracts.Api;

namespace EventReactor.Cli.Commands;

/// <summary>Lines under <c>bench results</c> and a run's summary naming hosts that stay noisy, with their load.</summary>
internal static class BenchNoisyHosts
{
    public static async Task PrintAsync(ReactorClient client, string? suite, IReadOnlyCollection<string>? minions, CancellationToken cancellationToken)
    {
        var hosts = await client.NoisyHostsAsync(suite is null ? string.Empty : $"suite={Uri.EscapeDataString(suite)}", cancellationToken);
        foreach (var host in hosts.Where(h => minions is null || minions.Contains(h.Minion)))
        {
            var load = host.Load1 is { } load1 ? $"load1 {load1.ToString("F2", CultureInfo.InvariantCulture)}" : "no host samples";
            var busy = host.CpuBusyPercent is { } percent ? $", CPU busy {percent.ToString("F0", CultureInfo.InvariantCulture)}%" : string.Empty;
            var steal = host.StealPercent is { } stolen ? $", steal {stolen.ToString("F1", CultureInfo.InvariantCulture)}%" : ", steal not sampled";
            Console.WriteLine(
                $"noisy host: {host.Minion} ({host.Suite}): RSD above {host.RsdThreshold.ToString(CultureInfo.InvariantCulture)}% in each of its last {host.Runs} runs " +
                $"({host.Rsd.ToString("F2", CultureInfo.InvariantCulture)}% in {host.LatestRun}, {load}{busy}{steal})");
        }
    }
}
