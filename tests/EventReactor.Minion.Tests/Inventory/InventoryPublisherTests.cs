using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Minion.Inventory;
using EventReactor.Minion.Presence;
using EventReactor.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EventReactor.Minion.Tests.Inventory;

public sealed class InventoryPublisherTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ExecuteAsync_OnStart_PublishesStartThenInventory()
    {
        var options = Options.Create(new MinionOptions { Id = "gpu-7" });
        var publisher = new RecordingEventPublisher();
        using var inventory = new InventoryService(Fixtures.Collector(Fixtures.K80Host, options.Value), publisher, options);
        var announcement = new StartAnnouncement();
        using var worker = new InventoryPublisher(inventory, publisher, announcement, TestPipelines.For(), options, NullLogger<InventoryPublisher>.Instance);

        await worker.StartAsync(CancellationToken.None);
        await publisher.WaitForAsync(2, Timeout);
        await worker.StopAsync(CancellationToken.None);

        var (start, grains) = (publisher.Published[0], publisher.Published[1]);
        Assert.True(announcement.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
        Assert.Equal(("minion/gpu-7/start", "gpu-7", "/minion/gpu-7"), (start.Tag, start.Minion, start.Source));
        Assert.Equal(10, start.Data.GetProperty("intervalSeconds").GetDouble());
        var summary = start.Data.GetProperty("summary");
        Assert.Equal("Intel(R) Xeon(R) CPU E5-2620 v3 @ 2.40GHz", summary.GetProperty("cpuModel").GetString());
        Assert.Equal(2, summary.GetProperty("gpuCount").GetInt32());
        Assert.Equal(["Tesla K80"], summary.GetProperty("gpuModels").EnumerateArray().Select(model => model.GetString()));

        Assert.Equal(("minion/gpu-7/inventory", "gpu-7"), (grains.Tag, grains.Minion));
        Assert.Equal(2, grains.Data.GetProperty("gpus").GetArrayLength());
        Assert.Equal("NVIDIA", grains.Data.GetProperty("gpus")[0].GetProperty("vendor").GetString());
        Assert.Equal(24, grains.Data.GetProperty("cpu").GetProperty("threads").GetInt32());
    }

    [Fact]
    public async Task ExecuteAsync_OutboxFailsThenRecovers_RetriesOnTheClockThenPublishesStartThenInventory()
    {
        var time = new FakeTimeProvider();
        var options = Options.Create(new MinionOptions { Id = "gpu-7" });
        var outbox = new FlakyOutbox(failures: 3);
        using var inventory = new InventoryService(Fixtures.Collector(Fixtures.K80Host, options.Value), outbox, options);
        var announcement = new StartAnnouncement();
        using var worker = new InventoryPublisher(inventory, outbox, announcement, TestPipelines.For(time: time), options, NullLogger<InventoryPublisher>.Instance);

        await worker.StartAsync(CancellationToken.None);
        await time.AdvanceUntilAsync(() => outbox.Stored.Published.Count == 2, TimeSpan.FromMilliseconds(500));
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(["minion/gpu-7/start", "minion/gpu-7/inventory"], outbox.Stored.Published.Select(e => e.Tag));
        Assert.True(announcement.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ExecuteAsync_StoppedWhileTheOutboxFails_StopsWithoutAnnouncing()
    {
        var options = Options.Create(new MinionOptions { Id = "gpu-7" });
        var outbox = new FlakyOutbox(failures: int.MaxValue);
        using var inventory = new InventoryService(Fixtures.Collector(Fixtures.K80Host, options.Value), outbox, options);
        var announcement = new StartAnnouncement();
        using var worker = new InventoryPublisher(inventory, outbox, announcement, TestPipelines.For(time: new FakeTimeProvider()), options, NullLogger<InventoryPublisher>.Instance);

        await worker.StartAsync(CancellationToken.None);
        await worker.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(announcement.WaitAsync(CancellationToken.None).IsCompleted);
        Assert.Empty(outbox.Stored.Published);
    }

    [Fact]
    public async Task RefreshIfChangedAsync_NothingChanged_PublishesNothing()
    {
        var options = Options.Create(new MinionOptions { Id = "gpu-7" });
        var publisher = new RecordingEventPublisher();
        using var inventory = new InventoryService(Fixtures.Collector(Fixtures.AwsG4dn, options.Value), publisher, options);
        await inventory.RefreshAsync(CancellationToken.None);

        var published = await inventory.RefreshIfChangedAsync(CancellationToken.None);

        Assert.False(published);
        Assert.Single(publisher.Published);
    }

    [Fact]
    public async Task RefreshAsync_NothingChanged_PublishesAgain()
    {
        var options = Options.Create(new MinionOptions { Id = "gpu-7" });
        var publisher = new RecordingEventPublisher();
        using var inventory = new InventoryService(Fixtures.Collector(Fixtures.AwsG4dn, options.Value), publisher, options);

        await inventory.RefreshAsync(CancellationToken.None);
        var grains = await inventory.RefreshAsync(CancellationToken.None);

        Assert.Equal(["minion/gpu-7/inventory", "minion/gpu-7/inventory"], publisher.Published.Select(e => e.Tag));
        Assert.Same(grains, inventory.Current);
    }

    [Fact]
    public async Task RefreshIfChangedAsync_CustomGrainChanged_PublishesAgain()
    {
        var options = Options.Create(new MinionOptions { Id = "gpu-7" });
        var publisher = new RecordingEventPublisher();
        using var inventory = new InventoryService(Fixtures.Collector(Fixtures.AwsG4dn, options.Value), publisher, options);
        await inventory.RefreshAsync(CancellationToken.None);

        options.Value.Grains["rack"] = "b3";
        var published = await inventory.RefreshIfChangedAsync(CancellationToken.None);

        Assert.True(published);
        Assert.Equal("b3", publisher.Published[^1].Data.GetProperty("custom").GetProperty("rack").GetString());
    }

    [Fact]
    public async Task Fingerprint_OnlyFreeSpaceChanged_IsTheSame()
    {
        var grains = await Fixtures.CollectAsync(Fixtures.K80Host);
        var emptier = grains with { DockerRoot = grains.DockerRoot! with { FreeBytes = 1, InodesFree = 2 } };

        Assert.Equal(GrainsJson.Fingerprint(grains), GrainsJson.Fingerprint(emptier));
        Assert.NotEqual(JsonSerializer.Serialize(grains, EventData.Options), JsonSerializer.Serialize(emptier, EventData.Options));
    }
}
