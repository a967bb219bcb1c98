namespace EventReactor.Contracts.Api;

/// <summary>
/// <c>GET /api/bench/noisy</c>: a host whose repetitions spread more than its suite's RSD threshold in each of its latest
/// runs of the suite (at least two), with what the host was doing during the latest.
/// </summary>
/// <param name="Suite">The suite.</param>
/// <param name="Minion">The host.</param>
/// <param name="Runs">How many of its latest runs were looked at (up to 3).</param>
/// <param name="RsdThreshold">The suite's threshold in percent, from the latest run's policy.</param>
/// <param name="Rsd">The latest run's largest RSD over its metrics, in percent.</param>
/// <param name="LatestRun">The latest run.</param>
/// <param name="Load1">The host's mean 1-minute load average during the latest run; null without host samples then.</param>
/// <param name="CpuBusyPercent">The host's CPU time not idle during the latest run, in percent of all; null without two samples.</param>
/// <param name="StealPercent">CPU time stolen by the hypervisor; null while the minion does not sample it.</param>
public sealed record BenchNoisyHost(
    string Suite,
    string Minion,
    int Runs,
    double RsdThreshold,
    double Rsd,
    string LatestRun,
    double? Load1,
    double? CpuBusyPercent,
    double? StealPercent);
