using System.Globalization;
using EventReactor.Contracts.Api;
using EventReactor.Contracts.Tests.Samples;
using EventReactor.Core.Benchmarks;
using EventReactor.Reactor.Benchmarks;

namespace EventReactor.Reactor.Tests.Benchmarks;

public sealed class BenchmarkEventsTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.Parse("2026-11-28T12:00:00.1234567+00:00", CultureInfo.InvariantCulture);

    private static readonly BenchmarkRun Run = new("20261128120000123456001", "stream", BenchmarkStatus.Running, null, "gpu*", "glob", ["web1", "web2"], new RunPolicy(1, 3, 10, 0.05, 2, 600), "def", "e1", At, At, null);

    [Fact]
    public void New_Run_WritesRecordedJson() =>
        Assert.Equal(RecordedSample.Text("bench-new"), RecordedSample.Canonical(BenchmarkEvents.New(Run)));

    [Fact]
    public void Started_Run_WritesRecordedJson() =>
        Assert.Equal(RecordedSample.Text("bench-started"), RecordedSample.Canonical(BenchmarkEvents.Started(Run)));

    [Theory]
    [InlineData(false, 2, null, "bench-progress")]
    [InlineData(true, 1, "oom", "bench-progress-warmup")]
    public void Progress_Repetition_WritesRecordedJson(bool warmup, int completed, string? reason, string sample) =>
        Assert.Equal(RecordedSample.Text(sample), RecordedSample.Canonical(BenchmarkEvents.Progress(Run, "web1", warmup, completed, reason)));

    [Fact]
    public void Finished_Done_WritesRecordedJson()
    {
        var results = new List<HostMetricResult> { new(Run.Id, "web1", "copy", "MB/s", true, new MetricStatistics(3, 1234.5, 10.25, 1220, 1250, 1233, 1249.5, 0.0083)) };
        var grains = new Dictionary<string, GrainsSnapshot> { ["web1"] = new("AMD EPYC 7763", ["NVIDIA H100 80GB HBM3"], "p5.48xlarge", null) };

        Assert.Equal(RecordedSample.Text("bench-done"), RecordedSample.Canonical(BenchmarkEvents.Finished(Run, BenchmarkStatus.Done, null, At, At.AddMinutes(5), results, grains)));
    }

    [Fact]
    public void Finished_FailedWithoutGrainsOrStart_WritesRecordedJson()
    {
        var results = new List<HostMetricResult> { new(Run.Id, "web2", "copy", "MB/s", true, new MetricStatistics(1, 5, 0, 5, 5, 5, 5, 0)) };

        Assert.Equal(
            RecordedSample.Text("bench-failed"),
            RecordedSample.Canonical(BenchmarkEvents.Finished(Run, BenchmarkStatus.Failed, "no minion answered", null, At.AddMinutes(5), results, new Dictionary<string, GrainsSnapshot>())));
    }
}
