using System.Security.Cryptography;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Keys;
using EventReactor.Reactor.Tests.Broker;
using EventReactor.Reactor.Tests.State;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EventReactor.Reactor.Tests.Keys;

/// <summary>Enrollment, tokens and the accepted-minion check, over a real <c>reactor.db</c>.</summary>
public sealed class MinionKeyServiceTests : IAsyncDisposable
{
    private readonly TempReactorDatabase _state = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_760_000_000_000));
    private readonly ECDsa _minionKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ECDsa _otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ReactorKey _reactorKey;

    public MinionKeyServiceTests()
    {
        _reactorKey = new ReactorKey(Options.Create(new ReactorOptions { DataPath = _state.DataPath }));
    }

    [Fact]
    public async Task EnrollAsync_NewMinion_PendingWithoutTheReactorKeyAndNotAccepted()
    {
        var keys = Service();

        var answer = await keys.EnrollAsync(Request("m1", _minionKey), CancellationToken.None);

        Assert.Equal(new EnrollResponse(MinionKeyState.Pending, null), answer);
        Assert.False(await keys.IsAcceptedAsync("m1", CancellationToken.None));
    }

    [Fact]
    public async Task AcceptAsync_PendingMinion_AcceptedAndTheNextPollCarriesTheReactorKey()
    {
        var keys = Service();
        await keys.EnrollAsync(Request("m1", _minionKey), CancellationToken.None);
        Assert.False(await keys.IsAcceptedAsync("m1", CancellationToken.None));

        await keys.AcceptAsync("m1", CancellationToken.None);

        Assert.True(await keys.IsAcceptedAsync("m1", CancellationToken.None));
        var poll = await keys.EnrollAsync(Request("m1", _minionKey), CancellationToken.None);
        Assert.Equal(MinionKeyState.Accepted, poll.State);
        Assert.Equal(_reactorKey.PublicPem, poll.ReactorPublicKey);
    }

    [Fact]
    public async Task EnrollAsync_SameIdDifferentKey_DeniedAndNeverAccepted()
    {
        var keys = Service();
        await keys.EnrollAsync(Request("m1", _minionKey), CancellationToken.None);
        await keys.AcceptAsync("m1", CancellationToken.None);

        var impostor = await keys.EnrollAsync(Request("m1", _otherKey), CancellationToken.None);

        Assert.Equal(new EnrollResponse(MinionKeyState.Denied, null), impostor);
        var conflict = await Assert.ThrowsAsync<KeyException>(() => keys.AcceptAsync("m1", CancellationToken.None));
        Assert.Equal(409, conflict.Status);
    }

    [Fact]
    public async Task EnrollAsync_ValidToken_AcceptedAtOnceAndTheTokenIsUsedUp()
    {
        var keys = Service();
        var token = await keys.CreateTokenAsync(TimeSpan.FromHours(1), CancellationToken.None);

        var answer = await keys.EnrollAsync(Request("m1", _minionKey, token.Token), CancellationToken.None);

        Assert.Equal(MinionKeyState.Accepted, answer.State);
        var reused = await Assert.ThrowsAsync<KeyException>(() => keys.EnrollAsync(Request("m2", _otherKey, token.Token), CancellationToken.None));
        Assert.Equal(403, reused.Status);
        Assert.Contains("unknown, used or expired", reused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnrollAsync_ExpiredToken_RefusedAndNothingRecorded()
    {
        var keys = Service();
        var token = await keys.CreateTokenAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));

        var expired = await Assert.ThrowsAsync<KeyException>(() => keys.EnrollAsync(Request("m1", _minionKey, token.Token), CancellationToken.None));

        Assert.Equal(403, expired.Status);
        Assert.Empty(await keys.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task EnrollAsync_TokenWithAnImpostorKey_DeniedAndTheTokenIsNotSpent()
    {
        var keys = Service();
        await keys.EnrollAsync(Request("m1", _minionKey), CancellationToken.None);
        var token = await keys.CreateTokenAsync(TimeSpan.FromHours(1), CancellationToken.None);

        var impostor = await keys.EnrollAsync(Request("m1", _otherKey, token.Token), CancellationToken.None);

        Assert.Equal(MinionKeyState.Denied, impostor.State);
        Assert.Equal(MinionKeyState.Accepted, (await keys.EnrollAsync(Request("m2", _otherKey, token.Token), CancellationToken.None)).State);
    }

    [Fact]
    public async Task EnrollAsync_AutoAccept_AcceptedAtOnce()
    {
        var keys = Service(new KeyOptions { AutoAccept = true });

        Assert.Equal(MinionKeyState.Accepted, (await keys.EnrollAsync(Request("m1", _minionKey), CancellationToken.None)).State);
        Assert.True(await keys.IsAcceptedAsync("m1", CancellationToken.None));
    }

    [Fact]
    public async Task EnrollAsync_FloodPastTheLimit_RefusedWith429AndTheListStaysBounded()
    {
        var keys = Service(new KeyOptions { MaxUntrusted = 3 });
        for (var i = 0; i < 3; i++)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            await keys.EnrollAsync(Request($"flood-{i}", key), CancellationToken.None);
        }

        var refused = await Assert.ThrowsAsync<KeyException>(() => keys.EnrollAsync(Request("flood-3", _otherKey), CancellationToken.None));

        Assert.Equal(429, refused.Status);
        Assert.Contains("Reactor:Keys:MaxUntrusted", refused.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await keys.ListAsync(CancellationToken.None)).Count);
    }

    [Theory]
    [InlineData("a/b", "not a key")]
    [InlineData("m1", "not a key")]
    [InlineData("", "x")]
    public async Task EnrollAsync_BadIdOrKey_400NamingTheField(string minion, string publicKey)
    {
        var error = await Assert.ThrowsAsync<KeyException>(() => Service().EnrollAsync(new EnrollRequest(minion, publicKey), CancellationToken.None));

        Assert.Equal(400, error.Status);
        Assert.Matches("^(minion|publicKey): ", error.Message);
    }

    [Fact]
    public async Task RejectAsync_AcceptedMinion_NoLongerAccepted()
    {
        var keys = Service(new KeyOptions { AutoAccept = true });
        await keys.EnrollAsync(Request("m1", _minionKey), CancellationToken.None);

        await keys.RejectAsync("m1", CancellationToken.None);

        Assert.False(await keys.IsAcceptedAsync("m1", CancellationToken.None));
    }

    [Fact]
    public async Task EnrollAsync_BrokerIdentityPendingThenAccepted_UserMadeAtAcceptanceAndTheCredentialOnlyInTheAcceptedAnswer()
    {
        var broker = new ManagementRecorder();
        var keys = Service(broker: broker);

        var pending = await keys.EnrollAsync(Request("m1", _minionKey), CancellationToken.None);
        Assert.Null(pending.BrokerCredential);
        Assert.Empty(broker.Requests);

        await keys.AcceptAsync("m1", CancellationToken.None);
        Assert.Contains(broker.Requests, r => r.Line == "PUT /api/users/minion-m1");

        var accepted = await keys.EnrollAsync(Request("m1", _minionKey), CancellationToken.None);
        Assert.Equal("minion-m1", ManagementRecorder.Open(_minionKey, accepted.BrokerCredential!).Username);
        Assert.ThrowsAny<CryptographicException>(() => ManagementRecorder.Open(_otherKey, accepted.BrokerCredential!));
    }

    [Fact]
    public async Task RejectAndDeleteAsync_BrokerIdentity_UserDeletedAndConnectionsClosed()
    {
        var broker = new ManagementRecorder();
        var keys = Service(new KeyOptions { AutoAccept = true }, broker);
        await keys.EnrollAsync(Request("m1", _minionKey), CancellationToken.None);
        await keys.EnrollAsync(Request("m2", _otherKey), CancellationToken.None);
        broker.Requests.Clear();

        await keys.RejectAsync("m1", CancellationToken.None);
        await keys.DeleteAsync("m2", CancellationToken.None);

        Assert.Equal(
            ["DELETE /api/users/minion-m1", "DELETE /api/connections/username/minion-m1", "DELETE /api/users/minion-m2", "DELETE /api/connections/username/minion-m2"],
            broker.Requests.Select(r => r.Line));
    }

    [Fact]
    public async Task EnrollAsync_BrokerRefuses_503SayingTheUserCouldNotBeMade()
    {
        var broker = new ManagementRecorder { Status = System.Net.HttpStatusCode.InternalServerError };

        var error = await Assert.ThrowsAsync<KeyException>(() => Service(new KeyOptions { AutoAccept = true }, broker).EnrollAsync(Request("m1", _minionKey), CancellationToken.None));

        Assert.Equal(503, error.Status);
        Assert.Contains("broker user could not be made", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteAsync_UnknownId_404()
    {
        var error = await Assert.ThrowsAsync<KeyException>(() => Service().DeleteAsync("nobody", CancellationToken.None));

        Assert.Equal(404, error.Status);
    }

    public async ValueTask DisposeAsync()
    {
        _reactorKey.Dispose();
        _minionKey.Dispose();
        _otherKey.Dispose();
        await _state.DisposeAsync();
    }

    private static EnrollRequest Request(string minion, ECDsa key, string? token = null) => new(minion, key.ExportSubjectPublicKeyInfoPem(), token);

    private MinionKeyService Service(KeyOptions? options = null, ManagementRecorder? broker = null) =>
        new(new SqliteMinionKeyStore(_state.Database), _reactorKey, (broker ?? new ManagementRecorder()).Accounts(enabled: broker is not null, _reactorKey), Options.Create(options ?? new KeyOptions()), _time, NullLogger<MinionKeyService>.Instance);
}
