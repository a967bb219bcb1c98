using EventReactor.Reactor.Tests.Metrics;
using EventReactor.Reactor.Ui.Queries;

namespace EventReactor.Reactor.Tests.Ui.Queries;

public sealed class RepetitionChartsTests
{
    [Fact]
    public async Task ForAsync_SamplesArriveAfterALoad_NextLoadDrawsThem()
    {
        await using var sinks = new MetricsSinkHarness();
        var charts = new RepetitionCharts(sinks.Query);
        await sinks.Writer.WriteAsync([MetricBatches.Container("m1", "c1", count: 10)], CancellationToken.None);
        var first = await charts.ForAsync("c1", "rep-0", CancellationToken.None);
        var again = await charts.ForAsync("c1", "rep-0", CancellationToken.None);

        // A late batch (the container's last samples) must not leave the kept charts served.
        await sinks.Writer.WriteAsync([MetricBatches.Container("m1", "c1", count: 11, from: 10, final: true)], CancellationToken.None);
        var later = await charts.ForAsync("c1", "rep-0", CancellationToken.None);

        Assert.Same(first.Charts, again.Charts);
        Assert.Equal((10, 10), (first.Samples, first.Charts[0].X.Count));
        Assert.Equal((21, 21), (later.Samples, later.Charts[0].X.Count));
    }
}
