using EventReactor.Minion.Outbox;

namespace EventReactor.Minion.Tests.Outbox;

public sealed class OutboxStoreTests : IDisposable
{
    private readonly TempDataFolder _data = new();

    [Fact]
    public void ReadAfter_SeveralAppends_ReturnsEventsInStoredOrder()
    {
        var store = new OutboxStore(_data.Open(), 100);
        var events = Enumerable.Range(0, 10).Select(i => TestEvents.Lifecycle($"c{i}")).ToList();

        store.Append(events.Take(4).ToList());
        store.Append(events.Skip(4).ToList());

        Assert.Equal(events.Select(e => e.Id), store.ReadAfter(0, 100).Select(e => e.Envelope.Id));
    }

    [Fact]
    public void Append_SameIdTwice_StoresItOnce()
    {
        var store = new OutboxStore(_data.Open(), 100);
        var envelope = TestEvents.Lifecycle("c1");

        store.Append([envelope]);
        var again = store.Append([envelope]);

        Assert.Equal(0, again.Stored);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void Delete_ConfirmedEvents_LeavesTheRestInOrder()
    {
        var store = new OutboxStore(_data.Open(), 100);
        store.Append(Enumerable.Range(0, 5).Select(i => TestEvents.Lifecycle($"c{i}")).ToList());
        var stored = store.ReadAfter(0, 100);

        store.Delete(stored.Take(3).Select(e => e.Sequence).ToList());

        Assert.Equal(stored.Skip(3).Select(e => e.Envelope.Id), store.ReadAfter(0, 100).Select(e => e.Envelope.Id));
        Assert.Equal(2, store.Count);
    }

    [Fact]
    public void Open_AfterRestart_KeepsUnconfirmedEventsAndTheirIds()
    {
        var events = Enumerable.Range(0, 3).Select(i => TestEvents.Lifecycle($"c{i}")).ToList();
        new OutboxStore(_data.Open(), 100).Append(events);

        var reopened = new OutboxStore(_data.Open(), 100);

        Assert.Equal(events.Select(e => e.Id), reopened.ReadAfter(0, 100).Select(e => e.Envelope.Id));
        Assert.Equal(events[1].Data.GetRawText(), reopened.ReadAfter(0, 100)[1].Envelope.Data.GetRawText());
        Assert.Equal(3, reopened.Count);
    }

    [Fact]
    public void Append_FullWithMetrics_DropsOldestMetricsForLifecycle()
    {
        var store = new OutboxStore(_data.Open(), 10);
        store.Append(Enumerable.Range(0, 10).Select(TestEvents.Metrics).ToList());

        var result = store.Append([TestEvents.Lifecycle("c1")]);

        Assert.Equal(1, result.DroppedMetrics);
        var kept = store.ReadAfter(0, 100);
        Assert.Equal(10, kept.Count);
        Assert.Equal(1, kept[0].Envelope.Data.GetProperty("batch").GetInt32());
        Assert.Equal("minion/m1/docker/container/die", kept[^1].Envelope.Tag);
    }

    [Fact]
    public void Append_FullOfLifecycle_RefusesMetricsButKeepsLifecyclePastTheBound()
    {
        var store = new OutboxStore(_data.Open(), 3);
        store.Append(Enumerable.Range(0, 3).Select(i => TestEvents.Lifecycle($"c{i}")).ToList());

        var metrics = store.Append([TestEvents.Metrics(1)]);
        var lifecycle = store.Append([TestEvents.Lifecycle("c9")]);

        Assert.Equal(1, metrics.DroppedMetrics);
        Assert.True(metrics.OverBound);
        Assert.Equal(1, lifecycle.Stored);
        Assert.True(lifecycle.OverBound);
        Assert.Equal(4, store.Count);
        Assert.DoesNotContain(store.ReadAfter(0, 100), e => e.Envelope.Tag.Contains("/metrics", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("minion/m1/metrics/container", true)]
    [InlineData("minion/m1/docker/container/die", false)]
    public void KindOf_Tag_ClassifiesMetricBatches(string tag, bool metrics) =>
        Assert.Equal(metrics ? OutboxEventKind.Metrics : OutboxEventKind.Lifecycle, OutboxStore.KindOf(tag));

    public void Dispose() => _data.Dispose();
}
