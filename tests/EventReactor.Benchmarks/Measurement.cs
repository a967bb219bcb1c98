using System.Diagnostics;
using EventReactor.Contracts;

namespace EventReactor.Benchmarks;

/// <summary>
/// Events per second of one engine on one thread: a warm-up, then the median of repeated timed passes.
/// Measured both by CPU time used (what one core delivers, steady on a machine shared with other work)
/// and by the wall clock.
/// </summary>
internal sealed record Measurement(string Engine, int Events, double EventsPerCpuSecond, double EventsPerWallSecond, long Fired)
{
    public static Measurement Run(IEngine engine, EventEnvelope[] events, int count, int repetitions)
    {
        Pass(engine, events, Math.Min(count, 50_000));
        var passes = new List<(double Cpu, double Wall)>();
        long fired = 0;
        using var process = Process.GetCurrentProcess();
        for (var i = 0; i < repetitions; i++)
        {
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            fired = Pass(engine, events, count);
            var wall = watch.Elapsed.TotalSeconds;
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            passes.Add((count / cpu, count / wall));
        }

        passes.Sort();
        var median = passes[passes.Count / 2];
        return new Measurement(engine.Name, count, median.Cpu, median.Wall, fired);
    }

    private static long Pass(IEngine engine, EventEnvelope[] events, int count)
    {
        long fired = 0;
        for (var i = 0; i < count; i++)
        {
            fired += engine.Process(events[i]);
        }

        return fired;
    }
}
