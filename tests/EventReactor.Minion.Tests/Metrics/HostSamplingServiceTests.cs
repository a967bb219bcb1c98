using EventReactor.Minion.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Tests.Metrics;

public sealed class HostSamplingServiceTests
{
    [Fact]
    public async Task ExecuteAsync_FlushSamplesReached_ShipsHostBatchOfRecordedProc()
    {
        var publisher = new RecordingEventPublisher();
        using var service = Service(publisher, TimeSpan.FromMilliseconds(100), flushSamples: 3);

        await service.StartAsync(CancellationToken.None);
        await publisher.WaitForAsync(1, TimeSpan.FromSeconds(10));
        await service.StopAsync(CancellationToken.None);

        var batch = publisher.Published[0];
        Assert.Equal("minion/m1/metrics/host", batch.Tag);
        Assert.Equal(100, batch.Data.GetProperty("intervalMs").GetDouble());
        Assert.Equal(Environment.ProcessorCount, batch.Data.GetProperty("cpus").GetInt32());
        var samples = batch.Data.GetProperty("samples");
        Assert.Equal(3, samples.GetArrayLength());
        Assert.Equal(657140 + 144578 + 370396 + 2607 + 3114 + 1136, samples[0].GetProperty("cpuTotalTicks").GetInt64());
        Assert.Equal(41107808L * 512, samples[2].GetProperty("diskWriteBytes").GetInt64());
        Assert.Equal(8.41, samples[1].GetProperty("load1").GetDouble());
    }

    [Fact]
    public async Task StopAsync_SamplesBuffered_ShipsThemAsLastBatch()
    {
        var publisher = new RecordingEventPublisher();
        using var service = Service(publisher, TimeSpan.FromMilliseconds(100), flushSamples: 1000);

        await service.StartAsync(CancellationToken.None);
        await Task.Delay(450);
        await service.StopAsync(CancellationToken.None);

        var batch = Assert.Single(publisher.Published);
        Assert.InRange(batch.Data.GetProperty("samples").GetArrayLength(), 1, 6); // ~4 at 100 ms; fewer on a busy machine
    }

    [Fact]
    public async Task ExecuteAsync_HostIntervalZero_ShipsNothing()
    {
        var publisher = new RecordingEventPublisher();
        using var service = Service(publisher, TimeSpan.Zero, flushSamples: 1);

        await service.StartAsync(CancellationToken.None);
        await Task.Delay(300);
        await service.StopAsync(CancellationToken.None);

        Assert.Empty(publisher.Published);
    }

    private static HostSamplingService Service(RecordingEventPublisher publisher, TimeSpan hostInterval, int flushSamples)
    {
        var options = new MinionOptions
        {
            Id = "m1",
            Metrics = new MetricsOptions { HostInterval = hostInterval, FlushSamples = flushSamples, FlushInterval = TimeSpan.FromMinutes(1), ProcRoot = MetricFixtures.ProcRoot },
        };
        return new HostSamplingService(publisher, Options.Create(options), TimeProvider.System, NullLogger<HostSamplingService>.Instance);
    }
}
