using EventReactor.Contracts.Api;
using EventReactor.Reactor.Keys;

namespace EventReactor.Reactor.Tests.State.Contract;

/// <summary>What every <see cref="IMinionKeyStore"/> must do; each implementation runs it through a subclass.</summary>
public abstract class MinionKeyStoreContract : IAsyncDisposable
{
    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000);

    private protected abstract IMinionKeyStore Store { get; }

    public abstract ValueTask DisposeAsync();

    [Fact]
    public async Task EnrollAsync_NewId_PendingWithEveryField()
    {
        var record = await Enroll("m1", "fp1");

        Assert.Equal(new MinionKeyRecord("m1", "fp1", "pem-fp1", MinionKeyState.Pending, T0, T0), record);
        Assert.Equal([record!], await Store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task EnrollAsync_SameKeyAgain_SameRecordUnchanged()
    {
        var first = await Enroll("m1", "fp1");

        var again = await Enroll("m1", "fp1", at: T0.AddMinutes(1));

        Assert.Equal(first, again);
        Assert.Single(await Store.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task EnrollAsync_KnownIdOtherKey_DeniedAndTheFirstKeyKeepsItsState()
    {
        await Enroll("m1", "fp1", MinionKeyState.Accepted);

        var impostor = await Enroll("m1", "fp2");

        Assert.Equal(MinionKeyState.Denied, impostor!.State);
        var keys = await Store.FindAsync("m1", CancellationToken.None);
        Assert.Equal(["fp1", "fp2"], keys.Select(k => k.Fingerprint));
        Assert.Equal(MinionKeyState.Accepted, keys[0].State);
    }

    [Fact]
    public async Task EnrollAsync_PendingKeyWithAcceptedInitial_BecomesAccepted()
    {
        await Enroll("m1", "fp1");

        var accepted = await Enroll("m1", "fp1", MinionKeyState.Accepted, T0.AddSeconds(5));

        Assert.Equal(MinionKeyState.Accepted, accepted!.State);
        Assert.Equal(MinionKeyState.Accepted, (await Store.FindAsync("m1", CancellationToken.None)).Single().State);
    }

    [Fact]
    public async Task EnrollAsync_UntrustedAtTheLimit_NewIdRefusedButTheListStaysAsItWas()
    {
        await Enroll("m1", "fp1", maxUntrusted: 2);
        await Enroll("m2", "fp2", maxUntrusted: 2);

        Assert.Null(await Enroll("m3", "fp3", maxUntrusted: 2));
        Assert.Null(await Enroll("m1", "other", maxUntrusted: 2));
        Assert.Equal(["m1", "m2"], (await Store.ListAsync(CancellationToken.None)).Select(k => k.Minion));
    }

    [Fact]
    public async Task SetStateAsync_PendingToAcceptedThenRejected_EachMoveAllowedOnlyFromItsStates()
    {
        await Enroll("m1", "fp1");

        Assert.True(await Store.SetStateAsync("m1", MinionKeyState.Accepted, [MinionKeyState.Pending, MinionKeyState.Rejected], T0.AddSeconds(1), CancellationToken.None));
        Assert.False(await Store.SetStateAsync("m1", MinionKeyState.Accepted, [MinionKeyState.Pending, MinionKeyState.Rejected], T0.AddSeconds(2), CancellationToken.None));
        Assert.True(await Store.SetStateAsync("m1", MinionKeyState.Rejected, [MinionKeyState.Pending, MinionKeyState.Accepted], T0.AddSeconds(3), CancellationToken.None));

        var key = (await Store.FindAsync("m1", CancellationToken.None)).Single();
        Assert.Equal((MinionKeyState.Rejected, T0.AddSeconds(3)), (key.State, key.UpdatedAt));
    }

    [Fact]
    public async Task SetStateAsync_DeniedKey_NeverMoves()
    {
        await Enroll("m1", "fp1", MinionKeyState.Rejected);
        await Enroll("m1", "fp2");

        Assert.True(await Store.SetStateAsync("m1", MinionKeyState.Accepted, [MinionKeyState.Pending, MinionKeyState.Rejected, MinionKeyState.Denied], T0, CancellationToken.None));

        var keys = await Store.FindAsync("m1", CancellationToken.None);
        Assert.Equal([MinionKeyState.Accepted, MinionKeyState.Denied], keys.Select(k => k.State));
    }

    [Fact]
    public async Task DeleteAsync_IdWithTwoKeys_BothGoneAndTheIdCanEnrollAgain()
    {
        await Enroll("m1", "fp1", MinionKeyState.Accepted);
        await Enroll("m1", "fp2");

        Assert.Equal(2, await Store.DeleteAsync("m1", CancellationToken.None));

        Assert.Empty(await Store.ListAsync(CancellationToken.None));
        Assert.Equal(MinionKeyState.Pending, (await Enroll("m1", "fp2"))!.State);
    }

    [Fact]
    public async Task RedeemTokenAsync_Twice_OnlyTheFirstSucceeds()
    {
        await Store.CreateTokenAsync("h1", T0.AddHours(1), T0, CancellationToken.None);

        Assert.True(await Store.RedeemTokenAsync("h1", T0.AddMinutes(1), CancellationToken.None));
        Assert.False(await Store.RedeemTokenAsync("h1", T0.AddMinutes(2), CancellationToken.None));
    }

    [Fact]
    public async Task RedeemTokenAsync_ExpiredOrUnknown_Refused()
    {
        await Store.CreateTokenAsync("h1", T0.AddHours(1), T0, CancellationToken.None);

        Assert.False(await Store.RedeemTokenAsync("h1", T0.AddHours(1), CancellationToken.None));
        Assert.False(await Store.RedeemTokenAsync("nope", T0, CancellationToken.None));
    }

    private Task<MinionKeyRecord?> Enroll(string minion, string fingerprint, MinionKeyState initial = MinionKeyState.Pending, DateTimeOffset? at = null, int maxUntrusted = 100) =>
        Store.EnrollAsync(minion, fingerprint, $"pem-{fingerprint}", initial, maxUntrusted, at ?? T0, CancellationToken.None);
}
