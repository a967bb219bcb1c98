using System.Diagnostics;
using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.Models;
using EventReactor.Minion.Metrics;

namespace EventReactor.Benchmarks.Sampler;

/// <summary>
/// Issue #6's overhead benchmark: the minion's CPU for sampling 50 containers at 1 Hz and 10 at 10 Hz from cgroup
/// files, against Docker's stats API for the same containers and interval (this process plus dockerd, where the
/// stats work is done; dockerd's background CPU, measured while the cgroup sampler runs, is subtracted).
/// </summary>
internal static class SamplerBenchmark
{
    /// <summary>Longer than the longest flush interval (5 s + 10%), so the first batch's serialiser set-up and JIT fall outside the window.</summary>
    private static readonly TimeSpan Warmup = TimeSpan.FromSeconds(7);

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var window = TimeSpan.FromSeconds(seconds);
        var endpoint = Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock";
        using var configuration = new DockerClientConfiguration(new Uri(endpoint));
        using var client = configuration.CreateClient();
        var clock = new CpuClock();
        if (!clock.SeesDockerd)
        {
            Console.Error.WriteLine("dockerd is not visible in /proc; the stats API's cost would be undercounted");
            return 1;
        }

        await using var fleet = new BusyboxFleet(client);
        Console.WriteLine("starting 50 idle busybox containers (sleep 3600, --network none)");
        await fleet.StartAsync(50, CancellationToken.None);
        var targets = fleet.Containers.Select(ToTarget).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cgroup layout: {targets[0].Cgroup.Version} ({targets[0].Cgroup.CpuUsageFile})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"each phase: {Warmup.TotalSeconds:F0} s warm-up, then {seconds:F0} s measured"));

        MeasureReadCost(targets);

        // A minion samples for days: a first, discarded pass gets the JIT's tiering and the serialiser's set-up done.
        Console.WriteLine("warm-up: 50 containers at 10 Hz, not counted");
        await MeasureSamplerAsync(clock, targets, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(3));
        var results = new List<CostMeasurement>();
        foreach (var (count, interval) in ((int, TimeSpan)[])[(50, TimeSpan.FromSeconds(1)), (10, TimeSpan.FromMilliseconds(100))])
        {
            var subset = targets.Take(count).ToList();
            var (sampled, background) = await MeasureSamplerAsync(clock, subset, interval, window);
            var stats = await MeasureStatsApiAsync(clock, client, subset, interval, window);
            results.Add(sampled);
            results.Add(stats with { Dockerd = stats.Dockerd - (background * (stats.Wall / sampled.Wall)) });
        }

        Print(results);
        return 0;
    }

    /// <summary>The bare cost of reading, in a tight loop; the timed phases add timers, batching and the runtime's own upkeep.</summary>
    private static void MeasureReadCost(List<ContainerTarget> targets)
    {
        const int Rounds = 200;
        using var self = Process.GetCurrentProcess();
        for (var round = 0; round < 20; round++)
        {
            targets.ForEach(t => CgroupReader.TryRead(t.Cgroup, t.NetDevFile, DateTimeOffset.UtcNow, out _));
        }

        self.Refresh();
        var before = self.TotalProcessorTime;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < Rounds; round++)
        {
            targets.ForEach(t => CgroupReader.TryRead(t.Cgroup, t.NetDevFile, DateTimeOffset.UtcNow, out _));
        }

        self.Refresh();
        var perReading = (self.TotalProcessorTime - before).TotalMicroseconds / (Rounds * targets.Count);
        var bytes = (double)(GC.GetAllocatedBytesForCurrentThread() - allocated) / (Rounds * targets.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one reading in a tight loop: {perReading:F1} us CPU, {bytes:F0} bytes allocated"));
    }

    /// <summary>The sampler's own CPU; dockerd's CPU meanwhile is returned apart, as the engine's background to subtract from the stats phase.</summary>
    private static async Task<(CostMeasurement Cost, TimeSpan DockerdBackground)> MeasureSamplerAsync(CpuClock clock, List<ContainerTarget> targets, TimeSpan interval, TimeSpan window)
    {
        var publisher = new NullPublisher();
        var options = new MetricsOptions();
        var samplings = targets.Select(t => new EventReactor.Minion.Metrics.ContainerSampling(t, interval, options, "bench", publisher, TimeProvider.System)).ToList();
        samplings.ForEach(s => s.Start());
        await Task.Delay(Warmup);
        var (own, dockerd) = clock.Now();
        var wall = Stopwatch.StartNew();
        await Task.Delay(window);
        var (ownAfter, dockerdAfter) = clock.Now();
        wall.Stop();
        foreach (var sampling in samplings)
        {
            await sampling.DisposeAsync();
        }

        var readings = (long)(targets.Count * (wall.Elapsed / interval));
        return (new CostMeasurement($"cgroup sampler, {targets.Count} at {1 / interval.TotalSeconds:F0} Hz", wall.Elapsed, ownAfter - own, TimeSpan.Zero, readings), dockerdAfter - dockerd);
    }

    /// <summary>One stats call per container per tick, all containers at once; a tick still busy is skipped, so cost is compared per reading.</summary>
    private static async Task<CostMeasurement> MeasureStatsApiAsync(CpuClock clock, DockerClient client, List<ContainerTarget> targets, TimeSpan interval, TimeSpan window)
    {
        long readings = 0;
        var parameters = new ContainerStatsParameters { Stream = false, OneShot = true };
        using var stop = new CancellationTokenSource();
        var measuring = false;
        var loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                await Task.WhenAll(targets.Select(t => client.Containers.GetContainerStatsAsync(t.Id, parameters, new Progress<ContainerStatsResponse>(), stop.Token)));
                if (Volatile.Read(ref measuring))
                {
                    Interlocked.Add(ref readings, targets.Count);
                }
            }
        });
        await Task.Delay(Warmup);
        var (own, dockerd) = clock.Now();
        Volatile.Write(ref measuring, true);
        var wall = Stopwatch.StartNew();
        await Task.Delay(window);
        var (ownAfter, dockerdAfter) = clock.Now();
        Volatile.Write(ref measuring, false);
        wall.Stop();
        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        return new CostMeasurement($"docker stats API, {targets.Count} at {1 / interval.TotalSeconds:F0} Hz", wall.Elapsed, ownAfter - own, dockerdAfter - dockerd, Interlocked.Read(ref readings));
    }

    private static ContainerTarget ToTarget(ContainerInspectResponse container) =>
        new(container.ID, container.Name.TrimStart('/'),
            ContainerCgroup.Find("/sys/fs/cgroup", container.ID) ?? throw new InvalidOperationException($"no cgroup for {container.ID}"),
            $"/proc/{container.State.Pid.ToString(CultureInfo.InvariantCulture)}/net/dev");

    private static void Print(List<CostMeasurement> results)
    {
        var invariant = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine(string.Create(invariant, $"{"phase",-34} {"wall s",7} {"own cpu s",10} {"dockerd s",10} {"% core",7} {"readings",9} {"us/reading",11}"));
        foreach (var m in results)
        {
            Console.WriteLine(string.Create(invariant, $"{m.Phase,-34} {m.Wall.TotalSeconds,7:F1} {m.Own.TotalSeconds,10:F3} {m.Dockerd.TotalSeconds,10:F3} {m.CpuPercent,7:F3} {m.Readings,9} {m.MicrosecondsPerReading,11:F1}"));
        }

        // Cheaper per reading: the stats API cannot keep up at 10 Hz, so its rate of readings is lower than asked.
        var ratio50 = results[1].MicrosecondsPerReading / results[0].MicrosecondsPerReading;
        var ratio10 = results[3].MicrosecondsPerReading / results[2].MicrosecondsPerReading;
        Console.WriteLine(string.Create(invariant, $"stats API per reading vs cgroup sampler: {ratio50:F1}x at 50 containers 1 Hz, {ratio10:F1}x at 10 containers 10 Hz; the smaller is reported"));
        Console.WriteLine();
        Console.WriteLine(string.Create(invariant, $"cpu_percent_50_at_1hz={results[0].CpuPercent:F3}"));
        Console.WriteLine(string.Create(invariant, $"cpu_percent_10_at_10hz={results[2].CpuPercent:F3}"));
        Console.WriteLine(string.Create(invariant, $"stats_api_ratio={Math.Min(ratio50, ratio10):F1}"));
    }
}
