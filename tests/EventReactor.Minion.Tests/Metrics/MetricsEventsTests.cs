using System.Globalization;
using EventReactor.Contracts;
using EventReactor.Contracts.Tests.Samples;
using EventReactor.Minion.Metrics;

namespace EventReactor.Minion.Tests.Metrics;

public sealed class MetricsEventsTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-28T12:00:00.1234567+00:00", CultureInfo.InvariantCulture);

    private static readonly ContainerSample Sample = new()
    {
        Time = At, CpuUsageNanoseconds = 123456789, CpuPeriods = 10, CpuThrottledPeriods = 1, CpuThrottledNanoseconds = 5000, MemoryBytes = 1048576, MemoryPeakBytes = 2097152,
        IoReadBytes = 4096, IoWriteBytes = 8192, IoReadOperations = 1, IoWriteOperations = 2, Pids = 3, NetReceiveBytes = 100, NetReceivePackets = 2, NetTransmitBytes = 200, NetTransmitPackets = 4,
    };

    [Fact]
    public void Batch_RunningContainer_WritesRecordedJson()
    {
        var envelope = MetricsEvents.Batch("web1", "abc123", "happy_turing", TimeSpan.FromMilliseconds(1000), new HostShape(16, 68719476736), [Sample, Sample with { Time = At.AddSeconds(1) }], null);

        Assert.Equal("minion/web1/metrics", envelope.Tag);
        Assert.Equal(RecordedSample.Text("metrics-container"), RecordedSample.Canonical(envelope.Data));
    }

    [Fact]
    public void Batch_Ended_WritesFinalWithReason()
    {
        var envelope = MetricsEvents.Batch("web1", "abc123", null, TimeSpan.FromMilliseconds(250.5), new HostShape(16, 68719476736), [Sample], "failed: cgroup vanished");

        Assert.Equal(RecordedSample.Text("metrics-container-final"), RecordedSample.Canonical(envelope.Data));
    }

    [Fact]
    public void HostBatch_OneSample_WritesRecordedJson()
    {
        var sample = new HostSample
        {
            Time = At, CpuTotalTicks = 1000000, CpuIdleTicks = 900000, MemoryTotalBytes = 68719476736, MemoryAvailableBytes = 34359738368, Load1 = 0.5, Load5 = 1.25, Load15 = 2,
            DiskReadBytes = 1, DiskWriteBytes = 2, DiskReadOperations = 3, DiskWriteOperations = 4,
        };

        var envelope = MetricsEvents.HostBatch("web1", TimeSpan.FromSeconds(5), 16, [sample]);

        Assert.Equal("minion/web1/metrics/host", envelope.Tag);
        Assert.Equal(RecordedSample.Text("metrics-host"), RecordedSample.Canonical(envelope.Data));
    }
}
