using System.Text.Json;
using EventReactor.Reactor.Minions;

namespace EventReactor.Reactor.Tests.State.Contract;

/// <summary>What every <see cref="IMinionStore"/> must do; each implementation runs it through a subclass.</summary>
public abstract class MinionStoreContract : IAsyncDisposable
{
    // Stores keep times to the millisecond.
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000);

    /// <summary>A store over empty state.</summary>
    private protected abstract IMinionStore Store { get; }

    /// <summary>A new store over the same state: what a restarted reactor sees.</summary>
    private protected abstract IMinionStore Reopen();

    public abstract ValueTask DisposeAsync();

    [Fact]
    public async Task SaveAsync_NewMinion_FoundWithEveryField()
    {
        var minion = new MinionRecord("m1", T0, T0.AddSeconds(5), true, 30, Grains("""{"os":"linux","cpus":4}"""));

        await Store.SaveAsync(minion, CancellationToken.None);

        var found = await Store.FindAsync("m1", CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal((minion.Id, minion.FirstSeen, minion.LastSeen, minion.Present, minion.HeartbeatSeconds), (found.Id, found.FirstSeen, found.LastSeen, found.Present, found.HeartbeatSeconds));
        Assert.Equal(4, found.Grains!.Value.GetProperty("cpus").GetInt32());
    }

    [Fact]
    public async Task SaveAsync_KnownMinion_ReplacesStateButKeepsFirstSeen()
    {
        await Store.SaveAsync(new MinionRecord("m1", T0, T0, true, 10, Grains("""{"os":"linux"}""")), CancellationToken.None);

        await Store.SaveAsync(new MinionRecord("m1", T0.AddHours(1), T0.AddHours(1), false, 20, null), CancellationToken.None);

        var found = await Store.FindAsync("m1", CancellationToken.None);
        Assert.Equal(new MinionRecord("m1", T0, T0.AddHours(1), false, 20, null), found);
    }

    [Fact]
    public async Task ListAsync_SeveralMinions_AllById()
    {
        foreach (var id in new[] { "web-2", "db-1", "web-10" })
        {
            await Store.SaveAsync(new MinionRecord(id, T0, T0, true, 10, null), CancellationToken.None);
        }

        var listed = await Store.ListAsync(CancellationToken.None);

        Assert.Equal(["db-1", "web-10", "web-2"], listed.Select(m => m.Id));
    }

    [Fact]
    public async Task FindAsync_UnknownMinion_Null()
    {
        await Store.SaveAsync(new MinionRecord("m1", T0, T0, true, 10, null), CancellationToken.None);

        Assert.Null(await Store.FindAsync("m2", CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_StoreReopened_MinionStillKnown()
    {
        await Store.SaveAsync(new MinionRecord("m1", T0, T0.AddSeconds(1), false, 15, Grains("""{"gpus":[]}""")), CancellationToken.None);

        var reopened = Reopen();

        var found = Assert.Single(await reopened.ListAsync(CancellationToken.None));
        Assert.Equal(("m1", false, 15.0), (found.Id, found.Present, found.HeartbeatSeconds));
        Assert.Equal(JsonValueKind.Array, found.Grains!.Value.GetProperty("gpus").ValueKind);
    }

    private static JsonElement Grains(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
