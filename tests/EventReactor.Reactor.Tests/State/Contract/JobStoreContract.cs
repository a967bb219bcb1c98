using System.Text.Json;
using EventReactor.Reactor.Jobs;

namespace EventReactor.Reactor.Tests.State.Contract;

/// <summary>What every <see cref="IJobStore"/> must do; each implementation runs it through a subclass.</summary>
public abstract class JobStoreContract : IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000);

    /// <summary>A store over empty state.</summary>
    private protected abstract IJobStore Store { get; }

    public abstract ValueTask DisposeAsync();

    [Fact]
    public async Task CreateAsync_Job_FoundWithEveryFieldAndNoReturns()
    {
        var job = Job("j1", T0, "m1", "m2") with { CausedBy = "event-1" };

        await Store.CreateAsync(job, CancellationToken.None);

        var found = await Store.FindAsync("j1", CancellationToken.None);
        Assert.NotNull(found);
        Assert.Equal((job.Jid, job.Function, job.Target, job.TargetType, job.CausedBy, job.CreatedAt), (found.Jid, found.Function, found.Target, found.TargetType, found.CausedBy, found.CreatedAt));
        Assert.Equal(["m1", "m2"], found.Minions);
        Assert.Equal("busybox", found.Arguments.GetProperty("image").GetString());
        Assert.Empty(found.Returns);
    }

    [Fact]
    public async Task SaveReturnAsync_TwoMinionsAndARepeat_OneReturnPerMinionTheLatest()
    {
        await Store.CreateAsync(Job("j1", T0, "m2", "m1"), CancellationToken.None);

        await Store.SaveReturnAsync("j1", Return("m2", success: false, T0.AddSeconds(1)), CancellationToken.None);
        await Store.SaveReturnAsync("j1", Return("m1", success: true, T0.AddSeconds(2)), CancellationToken.None);
        await Store.SaveReturnAsync("j1", Return("m2", success: true, T0.AddSeconds(3)), CancellationToken.None);

        var returns = (await Store.FindAsync("j1", CancellationToken.None))!.Returns;
        Assert.Equal(["m1", "m2"], returns.Select(r => r.Minion));
        Assert.True(returns[1].Success);
        Assert.Equal(T0.AddSeconds(3), returns[1].At);
        Assert.Equal(42, returns[1].Return!.Value.GetProperty("answer").GetInt32());
    }

    [Fact]
    public async Task CountOutstandingAsync_OneJobAnsweredByAllOneNot_One()
    {
        await Store.CreateAsync(Job("done", T0, "m1"), CancellationToken.None);
        await Store.CreateAsync(Job("waiting", T0, "m1", "m2"), CancellationToken.None);
        await Store.SaveReturnAsync("done", Return("m1", success: true, T0), CancellationToken.None);
        await Store.SaveReturnAsync("waiting", Return("m1", success: true, T0), CancellationToken.None);

        Assert.Equal(1, await Store.CountOutstandingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task HasJobSinceAsync_JobBeforeAndAfter_OnlyAfterCountsAndOnlyForItsMinions()
    {
        await Store.CreateAsync(Job("old", T0, "m1"), CancellationToken.None);
        await Store.CreateAsync(Job("new", T0.AddMinutes(10), "m2", "m10"), CancellationToken.None);

        Assert.False(await Store.HasJobSinceAsync("m1", T0.AddMinutes(5), CancellationToken.None));
        Assert.True(await Store.HasJobSinceAsync("m2", T0.AddMinutes(5), CancellationToken.None));
        Assert.False(await Store.HasJobSinceAsync("m", T0.AddMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_ThreeJobsLimitTwo_NewestTwoFirst()
    {
        await Store.CreateAsync(Job("a", T0, "m1"), CancellationToken.None);
        await Store.CreateAsync(Job("c", T0.AddSeconds(2), "m1"), CancellationToken.None);
        await Store.CreateAsync(Job("b", T0.AddSeconds(1), "m1"), CancellationToken.None);

        var listed = await Store.ListAsync(2, CancellationToken.None);

        Assert.Equal(["c", "b"], listed.Select(j => j.Jid));
    }

    [Fact]
    public async Task FindAsync_UnknownJob_Null() => Assert.Null(await Store.FindAsync("nope", CancellationToken.None));

    private static JobRecord Job(string jid, DateTimeOffset at, params string[] minions) =>
        new(jid, "container.run", JsonDocument.Parse("""{"image":"busybox"}""").RootElement.Clone(), string.Join(",", minions), "list", minions, null, at, []);

    private static JobReturn Return(string minion, bool success, DateTimeOffset at) =>
        new(minion, success, success ? 0 : 1, JsonDocument.Parse("""{"answer":42}""").RootElement.Clone(), success ? null : "failed", 12.5, at);
}
