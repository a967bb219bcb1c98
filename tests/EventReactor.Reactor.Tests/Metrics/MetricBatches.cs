using System.Text.Json;
using EventReactor.Contracts;

namespace EventReactor.Reactor.Tests.Metrics;

/// <summary>Metric batches and benchmark results shaped as the minion and the benchmark runner publish them.</summary>
internal static class MetricBatches
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    /// <summary><paramref name="count"/> samples 100 ms apart from <paramref name="from"/>: 0.05 CPU s, 1000 rx bytes and 4096 read bytes per sample.</summary>
    public static EventEnvelope Container(string minion, string container, int count, int from = 0, bool final = false) => Envelope(
        $"minion/{minion}/metrics",
        minion,
        new
        {
            container,
            name = "bench-1",
            intervalMs = 100,
            hostCpus = 4,
            hostMemoryBytes = 8L << 30,
            final,
            ended = final ? "exited" : null,
            samples = Enumerable.Range(from, count).Select(i => new
            {
                time = Start.AddMilliseconds(100 * i),
                cpuUsageNanoseconds = 50_000_000L * (i + 1),
                cpuPeriods = 0,
                cpuThrottledPeriods = 0,
                cpuThrottledNanoseconds = 0,
                memoryBytes = (1L << 20) * (i + 1),
                memoryPeakBytes = (1L << 20) * (i + 2),
                memoryLimitBytes = (long?)null,
                ioReadBytes = 4096L * (i + 1),
                ioWriteBytes = 0,
                ioReadOperations = i + 1,
                ioWriteOperations = 0,
                pids = 1,
                netReceiveBytes = 1000L * (i + 1),
                netReceivePackets = i + 1,
                netTransmitBytes = 500L * (i + 1),
                netTransmitPackets = i + 1,
            }),
        });

    public static EventEnvelope Host(string minion, int count) => Envelope(
        $"minion/{minion}/metrics/host",
        minion,
        new
        {
            intervalMs = 1000,
            cpus = 4,
            samples = Enumerable.Range(0, count).Select(i => new
            {
                time = Start.AddSeconds(i),
                cpuTotalTicks = 1000L + (400 * i),
                cpuIdleTicks = 500L + (300 * i),
                memoryTotalBytes = 8L << 30,
                memoryAvailableBytes = 4L << 30,
                load1 = 0.5,
                load5 = 0.25,
                load15 = 0.125,
                diskReadBytes = 1_000_000L + (512 * i),
                diskWriteBytes = 2_000_000L,
                diskReadOperations = 10L + i,
                diskWriteOperations = 20L,
            }),
        });

    /// <summary>The benchmark engineer's <c>bench/&lt;run&gt;/done</c> data, with two results.</summary>
    public static EventEnvelope BenchmarkDone(string run) => EventEnvelope.Create(
        $"bench/{run}/done",
        "/reactor",
        JsonSerializer.SerializeToElement(new
        {
            run,
            suite = "stream",
            status = "done",
            reason = (string?)null,
            startedAt = Start,
            endedAt = Start.AddMinutes(2),
            results = new[]
            {
                new { minion = "gpu1", metric = "triad", unit = "MB/s", higherIsBetter = true, n = 5, mean = 9000.5, stddev = 10.0, min = 8990.0, max = 9011.0, p50 = 9001.0, p95 = 9010.0, rsd = 0.11, grains = new { cpuModel = "AMD EPYC 7R13", gpuModels = new[] { "NVIDIA H200" }, instanceType = "p5.48xlarge" } },
                new { minion = "gpu2", metric = "triad", unit = "MB/s", higherIsBetter = true, n = 5, mean = 8000.5, stddev = 12.0, min = 7990.0, max = 8011.0, p50 = 8001.0, p95 = 8010.0, rsd = 0.15, grains = new { cpuModel = "Intel Xeon", gpuModels = Array.Empty<string>(), instanceType = "c7i.large" } },
            },
        }));

    private static EventEnvelope Envelope(string tag, string minion, object data) =>
        EventEnvelope.Create(tag, $"/minion/{minion}", JsonSerializer.SerializeToElement(data, new JsonSerializerOptions(JsonSerializerDefaults.Web)), minion);
}
