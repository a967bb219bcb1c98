using EventReactor.Contracts;
using EventReactor.Reactor.Metrics;
using Microsoft.Extensions.Logging.Abstractions;

namespace EventReactor.Reactor.Tests.Metrics;

public sealed class SqliteMetricsSinkTests
{
    [Fact]
    public async Task WriteAsync_BatchDeliveredTwice_StoresEachSampleOnce()
    {
        await using var sinks = new MetricsSinkHarness();
        var batch = MetricBatches.Container("m1", "c1", count: 10);

        await sinks.Writer.WriteAsync([batch], CancellationToken.None);
        await sinks.Writer.WriteAsync([batch], CancellationToken.None); // at-least-once: the bus may deliver it again

        var samples = await sinks.Query.SamplesAsync("c1", since: null, limit: 100, CancellationToken.None);
        Assert.Equal(10, samples.Count);
        Assert.Equal(MetricBatches.Start, samples[0].Time);
        Assert.Equal(50_000_000L, samples[0].CpuUsageNanoseconds);
        Assert.Equal(10_000L, samples[^1].NetReceiveBytes);
    }

    [Fact]
    public async Task SummarizeAsync_TwoBatchesAndFinal_SummarizesTheRun()
    {
        await using var sinks = new MetricsSinkHarness();
        await sinks.Writer.WriteAsync([MetricBatches.Container("m1", "c1", count: 10), MetricBatches.Container("m1", "c1", count: 11, from: 10, final: true)], CancellationToken.None);

        var summary = Assert.Single(await sinks.Query.SummarizeAsync(["c1"], CancellationToken.None));

        Assert.Equal(21, summary.Samples);
        Assert.Equal(MetricBatches.Start, summary.First);
        Assert.Equal(MetricBatches.Start.AddSeconds(2), summary.Last);
        Assert.Equal(100, summary.MeanIntervalMs!.Value, precision: 6);
        Assert.Equal(21 * 0.05, summary.CpuSeconds, precision: 6);
        Assert.Equal(0.5, summary.MeanCpuCores!.Value, precision: 6); // 0.05 CPU s every 100 ms
        Assert.Equal(22L << 20, summary.PeakMemoryBytes);
        Assert.Equal(21 * 4096L, summary.IoReadBytes);
        Assert.Equal(21 * 500L, summary.NetTransmitBytes);
        Assert.Equal("exited", summary.Ended);
        Assert.Equal("bench-1", summary.Name);
        Assert.Equal("m1", summary.Minion);
    }

    [Fact]
    public async Task SummarizeAsync_UnknownContainer_ReturnsZeroSamples()
    {
        await using var sinks = new MetricsSinkHarness();

        var summary = Assert.Single(await sinks.Query.SummarizeAsync(["nope"], CancellationToken.None));

        Assert.Equal(0, summary.Samples);
        Assert.Null(summary.First);
    }

    [Fact]
    public async Task WriteAsync_HostBatch_StoresHostSamples()
    {
        await using var sinks = new MetricsSinkHarness();

        await sinks.Writer.WriteAsync([MetricBatches.Host("m1", 3), MetricBatches.Host("m1", 3)], CancellationToken.None);

        var samples = await sinks.Query.HostSamplesAsync("m1", since: null, limit: 100, CancellationToken.None);
        Assert.Equal(3, samples.Count);
        Assert.Equal(1800, samples[2].CpuTotalTicks);
        Assert.Equal(0.25, samples[0].Load5);
    }

    [Fact]
    public async Task ResolveAsync_UniquePrefix_ReturnsFullId()
    {
        await using var sinks = new MetricsSinkHarness();
        await sinks.Writer.WriteAsync([MetricBatches.Container("m1", "abc123", 1), MetricBatches.Container("m1", "abd456", 1)], CancellationToken.None);

        Assert.Equal("abc123", await sinks.Query.ResolveAsync("abc", CancellationToken.None));
        Assert.Null(await sinks.Query.ResolveAsync("ab", CancellationToken.None));
    }

    [Fact]
    public async Task ObserveAsync_QueueFull_ReturnsAtOnceAndCountsTheDrop()
    {
        await using var sinks = new MetricsSinkHarness(o => o.QueueCapacity = 1);
        var observer = new MetricsObserver(sinks.Queue, sinks.Options, TimeProvider.System, NullLogger<MetricsObserver>.Instance);

        // No writer runs: the queue fills, and the observer must neither wait nor throw.
        var observing = Task.WhenAll(Enumerable.Range(0, 3).Select(i => observer.ObserveAsync(MetricBatches.Container("m1", $"c{i}", 1), CancellationToken.None)));

        Assert.True(observing.IsCompletedSuccessfully);
        Assert.Equal(2, sinks.Queue.Dropped);
    }

    [Fact]
    public async Task ObserveAsync_OtherEventWithoutElasticsearch_IsNotQueued()
    {
        await using var sinks = new MetricsSinkHarness();
        var observer = new MetricsObserver(sinks.Queue, sinks.Options, TimeProvider.System, NullLogger<MetricsObserver>.Instance);

        await observer.ObserveAsync(EventEnvelope.Create("minion/m1/docker/container/die", "/minion/m1"), CancellationToken.None);
        await observer.ObserveAsync(MetricBatches.Host("m1", 1), CancellationToken.None);

        Assert.Equal(1, sinks.Queue.Reader.Count);
    }
}
