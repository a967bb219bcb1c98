using EventReactor.Minion.Inventory;
using EventReactor.Minion.Presence;
using EventReactor.Minion.Tests.Inventory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Tests.Presence;

public sealed class HeartbeatPublisherTests
{
    [Fact]
    public async Task ExecuteAsync_EveryInterval_PublishesNumberedBeatsWithTheInterval()
    {
        var options = Options.Create(new MinionOptions { Id = "web1", HeartbeatInterval = TimeSpan.FromMilliseconds(50) });
        var publisher = new RecordingEventPublisher();
        using var data = new TempDataFolder();
        using var drainer = TestDrainers.Over(data, new RecordingEventPublisher());
        using var inventory = new InventoryService(Fixtures.Collector(Fixtures.Mi50Host, options.Value), new RecordingEventPublisher(), options);
        await inventory.CollectAsync(CancellationToken.None);
        var announcement = new StartAnnouncement();
        using var worker = new HeartbeatPublisher(publisher, drainer, inventory, announcement, options, NullLogger<HeartbeatPublisher>.Instance);

        await worker.StartAsync(CancellationToken.None);
        announcement.MarkPublished();
        await publisher.WaitForAsync(3, TimeSpan.FromSeconds(10));
        await worker.StopAsync(CancellationToken.None);

        var beats = publisher.Published.Take(3).ToList();
        Assert.All(beats, beat => Assert.Equal(("minion/web1/heartbeat", "web1"), (beat.Tag, beat.Minion)));
        Assert.Equal([1L, 2L, 3L], beats.Select(beat => beat.Data.GetProperty("sequence").GetInt64()));
        Assert.Equal(0.05, beats[0].Data.GetProperty("intervalSeconds").GetDouble());
        Assert.Equal("AMD EPYC 7302 16-Core Processor", beats[0].Data.GetProperty("summary").GetProperty("cpuModel").GetString());
    }

    [Fact]
    public async Task ExecuteAsync_StartNotYetPublished_DoesNotBeat()
    {
        var options = Options.Create(new MinionOptions { Id = "web1", HeartbeatInterval = TimeSpan.FromMilliseconds(20) });
        var publisher = new RecordingEventPublisher();
        using var data = new TempDataFolder();
        using var drainer = TestDrainers.Over(data, new RecordingEventPublisher());
        using var inventory = new InventoryService(Fixtures.Collector(Fixtures.Mi50Host, options.Value), new RecordingEventPublisher(), options);
        using var worker = new HeartbeatPublisher(publisher, drainer, inventory, new StartAnnouncement(), options, NullLogger<HeartbeatPublisher>.Instance);

        await worker.StartAsync(CancellationToken.None);
        await Task.Delay(200);
        await worker.StopAsync(CancellationToken.None);

        Assert.Empty(publisher.Published);
    }

    [Fact]
    public async Task StoppingAsync_Always_SendsTheGoodbyeStraightToTheBusNotToTheOutbox()
    {
        var options = Options.Create(new MinionOptions { Id = "web1" });
        var outbox = new RecordingEventPublisher();
        var bus = new RecordingEventPublisher();
        using var data = new TempDataFolder();
        using var drainer = TestDrainers.Over(data, bus);
        using var inventory = new InventoryService(Fixtures.Collector(Fixtures.Mi50Host, options.Value), outbox, options);
        using var worker = new HeartbeatPublisher(outbox, drainer, inventory, new StartAnnouncement(), options, NullLogger<HeartbeatPublisher>.Instance);

        await worker.StoppingAsync(CancellationToken.None);

        Assert.Equal("minion/web1/stop", Assert.Single(bus.Published).Tag);
        Assert.Empty(outbox.Published);
    }

    [Fact]
    public void Heartbeat_DefaultInterval_SaysTenSeconds()
    {
        var beat = PresenceEvents.Heartbeat("web1", new MinionOptions().HeartbeatInterval, 1, null);

        Assert.Equal(10, beat.Data.GetProperty("intervalSeconds").GetInt32());
        Assert.Equal("/minion/web1", beat.Source);
    }
}
