using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Tests.Minions;

public sealed class MinionRegistryTests : IAsyncLifetime
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("minions-");
    private ReactorDatabase? _database;

    public async Task InitializeAsync()
    {
        _database = new ReactorDatabase(Options.Create(new ReactorOptions { DataPath = _root.FullName }));
        await new DatabaseMigrator(_database, NullLogger<DatabaseMigrator>.Instance).StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _database!.DisposeAsync();
        _root.Delete(recursive: true);
    }

    [Fact]
    public async Task ObserveAsync_StopAfterHeartbeat_LostAtOnceAndKeptAcrossReload()
    {
        var registry = new MinionRegistry(_database!, TimeProvider.System);
        await registry.ObserveAsync(Event("minion/m1/heartbeat", """{"intervalSeconds":60}"""), CancellationToken.None);
        Assert.Equal(("m1", ""), await SweepAsync(registry));

        await registry.ObserveAsync(Event("minion/m1/stop", "{}"), CancellationToken.None);

        Assert.Equal(("", "m1"), await SweepAsync(registry));
        var reloaded = new MinionRegistry(_database!, TimeProvider.System);
        Assert.False((await reloaded.FindAsync("m1", CancellationToken.None))!.Present);
    }

    [Fact]
    public async Task ObserveAsync_MetricsBatchAfterStop_StaysLostUntilTheNextStart()
    {
        var registry = new MinionRegistry(_database!, TimeProvider.System);
        var t0 = DateTimeOffset.UtcNow;
        await registry.ObserveAsync(Event("minion/m1/start", """{"intervalSeconds":10}""", t0), CancellationToken.None);
        await registry.ObserveAsync(Event("minion/m1/stop", "{}", t0.AddSeconds(5)), CancellationToken.None);

        // The final host batch leaves through the outbox after the goodbye, which went straight to the bus.
        await registry.ObserveAsync(Event("minion/m1/metrics/host", "{}", t0.AddSeconds(5.1)), CancellationToken.None);
        Assert.False((await registry.FindAsync("m1", CancellationToken.None))!.Present);

        await registry.ObserveAsync(Event("minion/m1/start", """{"intervalSeconds":10}""", t0.AddSeconds(30)), CancellationToken.None);
        Assert.True((await registry.FindAsync("m1", CancellationToken.None))!.Present);
    }

    [Fact]
    public async Task ObserveAsync_StopOfAnEarlierSessionConsumedLate_Ignored()
    {
        var registry = new MinionRegistry(_database!, TimeProvider.System);
        var t0 = DateTimeOffset.UtcNow;
        await registry.ObserveAsync(Event("minion/m1/start", """{"intervalSeconds":10}""", t0.AddSeconds(30)), CancellationToken.None);

        await registry.ObserveAsync(Event("minion/m1/stop", "{}", t0), CancellationToken.None);
        await registry.ObserveAsync(Event("minion/m1/heartbeat", """{"intervalSeconds":10}""", t0.AddSeconds(40)), CancellationToken.None);

        Assert.True((await registry.FindAsync("m1", CancellationToken.None))!.Present);
    }

    [Fact]
    public async Task ObserveAsync_StopFromUnknownMinion_Ignored()
    {
        var registry = new MinionRegistry(_database!, TimeProvider.System);
        await registry.ObserveAsync(Event("minion/ghost/stop", "{}"), CancellationToken.None);
        Assert.Empty(await registry.ListAsync(CancellationToken.None));
    }

    private static async Task<(string Arrived, string Lost)> SweepAsync(MinionRegistry registry)
    {
        var (arrived, lost) = await registry.SweepAsync(CancellationToken.None);
        return (string.Join(",", arrived), string.Join(",", lost));
    }

    private static EventEnvelope Event(string tag, string data) =>
        EventEnvelope.Create(tag, "/test", JsonDocument.Parse(data).RootElement.Clone(), tag.Split('/')[1]);

    private static EventEnvelope Event(string tag, string data, DateTimeOffset time) => Event(tag, data) with { Time = time };
}
