using EventReactor.Contracts;

namespace EventReactor.Reactor.Ui.Charts;

/// <summary>
/// Turns sampled counters into the series people read (cores, bytes, rates) and cuts each to at most
/// <see cref="MaxPoints"/> points with LTTB, so a 10-minute 100 ms series draws at once.
/// </summary>
internal static class SeriesBuilder
{
    public const int MaxPoints = 2000;
    private const double MiB = 1024.0 * 1024.0;

    public static IReadOnlyList<ChartSpec> Container(string idPrefix, IReadOnlyList<ContainerSample> samples)
    {
        var time = samples.Select(s => s.Time.ToUnixTimeMilliseconds() / 1000.0).ToList();
        return
        [
            Build($"{idPrefix}-cpu", "CPU", "cores", time, Rate(samples, s => s.CpuUsageNanoseconds, 1e9)),
            Build($"{idPrefix}-mem", "Memory", "MiB", time, samples.Select(s => s.MemoryBytes / MiB).ToList()),
            Build($"{idPrefix}-ioread", "I/O read", "MiB/s", time, Rate(samples, s => s.IoReadBytes, MiB)),
            Build($"{idPrefix}-iowrite", "I/O write", "MiB/s", time, Rate(samples, s => s.IoWriteBytes, MiB)),
        ];
    }

    public static IReadOnlyList<ChartSpec> Host(IReadOnlyList<HostSample> samples)
    {
        var time = samples.Select(s => s.Time.ToUnixTimeMilliseconds() / 1000.0).ToList();
        var busy = new List<double>(samples.Count);
        for (var i = 0; i < samples.Count; i++)
        {
            var total = i == 0 ? 0 : samples[i].CpuTotalTicks - samples[i - 1].CpuTotalTicks;
            var idle = i == 0 ? 0 : samples[i].CpuIdleTicks - samples[i - 1].CpuIdleTicks;
            busy.Add(total > 0 ? 100.0 * (total - idle) / total : 0);
        }

        return
        [
            Build("host-cpu", "CPU busy", "%", time, busy),
            Build("host-mem", "Memory used", "MiB", time, samples.Select(s => (s.MemoryTotalBytes - s.MemoryAvailableBytes) / MiB).ToList()),
            Build("host-load", "Load (1 min)", "", time, samples.Select(s => s.Load1).ToList()),
        ];
    }

    public static ChartSpec Build(string id, string title, string unit, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var (downX, downY) = x.Count > MaxPoints ? Lttb.Downsample(x, y, MaxPoints) : ([.. x], [.. y]);
        return new ChartSpec(id, ChartKind.Line, title, unit, downX, [new ChartSeries(title, downY.Select(v => (double?)Math.Round(v, 4)).ToList())]);
    }

    // Counters are cumulative: the rate between two samples, per second, divided by scale. A counter that went back (a restart) counts as 0.
    private static List<double> Rate(IReadOnlyList<ContainerSample> samples, Func<ContainerSample, long> counter, double scale)
    {
        var rates = new List<double>(samples.Count);
        for (var i = 0; i < samples.Count; i++)
        {
            var seconds = i == 0 ? 0 : (samples[i].Time - samples[i - 1].Time).TotalSeconds;
            var delta = i == 0 ? 0 : counter(samples[i]) - counter(samples[i - 1]);
            rates.Add(seconds > 0 && delta > 0 ? delta / seconds / scale : 0);
        }

        return rates;
    }
}
