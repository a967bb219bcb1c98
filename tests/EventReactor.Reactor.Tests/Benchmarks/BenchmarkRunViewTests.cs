using EventReactor.Contracts.Api;
using EventReactor.Core.Benchmarks;
using EventReactor.Reactor.Benchmarks;
using NSubstitute;
using EventReactor.Contracts.Benchmarks;

namespace EventReactor.Reactor.Tests.Benchmarks;

public sealed class BenchmarkRunViewTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DetailAsync_AttemptsOfOneHost_CountsSucceededOnesAndAttachesSampledContainers()
    {
        var run = new BenchmarkRun("r1", "cpu-loop", BenchmarkStatus.Running, null, "m1", "list", ["m1"], new RunPolicy(1, 2, 2, 5, 1, 60), "name: cpu-loop", null, Start, Start, null);
        var value = new MetricValue("ops", 10, "ops/s", true);
        BenchmarkRepetition[] attempts =
        [
            new("r1", "m1", true, 1, 1, "j1", "c1", BenchmarkStatus.Ok, null, 0, Start, Start.AddSeconds(2), [value]),
            new("r1", "m1", false, 1, 1, "j2", "c2", BenchmarkStatus.Failed, "exit 3", 3, Start, Start.AddSeconds(1), []),
            new("r1", "m1", false, 1, 2, "j3", null, BenchmarkStatus.Running, null, null, Start, null, []),
        ];
        var detail = new BenchmarkRunDetail(run, [new BenchmarkHost("r1", "m1", BenchmarkStatus.Running, null, GrainsSnapshot.From(null))], attempts, []);
        var metrics = Substitute.For<IRepetitionMetrics>();
        metrics.SummariseAsync(Arg.Any<IReadOnlyCollection<string>>(), Arg.Any<CancellationToken>())
            .Returns(new Dictionary<string, ContainerMetricsSummary> { ["c1"] = new() { Container = "c1", Samples = 8 } });

        var report = await BenchmarkRunView.DetailAsync(detail, metrics, CancellationToken.None);

        var host = Assert.Single(report.Hosts);
        Assert.Equal((1, 0), (host.WarmupsDone, host.RepetitionsDone));
        Assert.Equal([BenchmarkStatus.Ok, BenchmarkStatus.Failed, BenchmarkStatus.Running], host.Repetitions.Select(r => r.Status));
        Assert.Equal([2000d, 1000d, null], host.Repetitions.Select(r => r.DurationMs));
        Assert.Equal([8, null, null], host.Repetitions.Select(r => r.ContainerMetrics?.Samples));
        Assert.Equal(new BenchmarkValue("ops", 10, "ops/s", true), Assert.Single(host.Repetitions[0].Values));
        Assert.Equal(new BenchmarkPolicy(1, 2, 2, 5, 1, 60), report.Run.Policy);
    }
}
