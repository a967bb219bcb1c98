using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using EventReactor.Contracts.Api;
using EventReactor.Reactor.Broker;
using EventReactor.Reactor.Keys;
using EventReactor.Storage.Keys;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Tests.Broker;

/// <summary>What the reactor asks of RabbitMQ's management API for a minion's own user, and what it hands the minion.</summary>
public sealed class BrokerAccountsTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("broker-accounts-");
    private readonly ECDsa _minionKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly ManagementRecorder _http = new();

    [Fact]
    public async Task GrantAsync_Enabled_MakesTheUserWithLeastPrivilegeOnTheVhostAndSealsItToTheMinion()
    {
        var sealedCredential = await Accounts(enabled: true).GrantAsync(Key("web.1"), CancellationToken.None);

        Assert.Equal(
            [
                "PUT /api/users/minion-web.1",
                "PUT /api/permissions/fleet%2Fa/minion-web.1",
                "PUT /api/topic-permissions/fleet%2Fa/minion-web.1",
            ],
            _http.Requests.Select(r => r.Line));
        var permissions = JsonDocument.Parse(_http.Requests[1].Body).RootElement;
        Assert.Equal(BrokerPermissions.Configure("web.1"), permissions.GetProperty("configure").GetString());
        Assert.Equal(BrokerPermissions.Write("web.1"), permissions.GetProperty("write").GetString());
        Assert.Equal(BrokerPermissions.Read("web.1"), permissions.GetProperty("read").GetString());
        var topic = JsonDocument.Parse(_http.Requests[2].Body).RootElement;
        Assert.Equal(("eventreactor.events", BrokerPermissions.TopicWrite("web.1"), "^$"), (topic.GetProperty("exchange").GetString(), topic.GetProperty("write").GetString(), topic.GetProperty("read").GetString()));
        Assert.Equal(string.Empty, JsonDocument.Parse(_http.Requests[0].Body).RootElement.GetProperty("tags").GetString());

        var credential = Open(sealedCredential!);
        Assert.Equal("minion-web.1", credential.Username);
        Assert.Equal(JsonDocument.Parse(_http.Requests[0].Body).RootElement.GetProperty("password").GetString(), credential.Password);
        Assert.True(credential.Password.Length >= 40);
        Assert.DoesNotContain(credential.Password, JsonSerializer.Serialize(sealedCredential), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrantAsync_SameEnrollmentAgain_SamePassword_NewEnrollment_Another()
    {
        var accounts = Accounts(enabled: true);
        var key = Key("m1");

        var first = Open((await accounts.GrantAsync(key, CancellationToken.None))!);
        var again = Open((await accounts.GrantAsync(key, CancellationToken.None))!);
        var reenrolled = Open((await accounts.GrantAsync(key with { EnrolledAt = key.EnrolledAt.AddMinutes(1) }, CancellationToken.None))!);

        Assert.Equal(first.Password, again.Password);
        Assert.NotEqual(first.Password, reenrolled.Password);
    }

    [Fact]
    public async Task RevokeAsync_Enabled_DeletesTheUserAndClosesItsConnections()
    {
        _http.Status = HttpStatusCode.NotFound;

        await Accounts(enabled: true).RevokeAsync("m1", CancellationToken.None);

        Assert.Equal(["DELETE /api/users/minion-m1", "DELETE /api/connections/username/minion-m1"], _http.Requests.Select(r => r.Line));
    }

    [Fact]
    public async Task RevokeAsync_BrokerAnswers500OnceToClosingConnections_TriesAgainAndSucceeds()
    {
        _http.Status = HttpStatusCode.NoContent;
        _http.Answers.Enqueue(HttpStatusCode.NoContent);
        _http.Answers.Enqueue(HttpStatusCode.InternalServerError);

        await Accounts(enabled: true).RevokeAsync("m1", CancellationToken.None);

        Assert.Equal(
            ["DELETE /api/users/minion-m1", "DELETE /api/connections/username/minion-m1", "DELETE /api/connections/username/minion-m1"],
            _http.Requests.Select(r => r.Line));
    }

    [Fact]
    public async Task RevokeAsync_BrokerAnswers500EveryTime_GivesUpAfterThreeTriesSayingWhat()
    {
        _http.Answers.Enqueue(HttpStatusCode.NoContent);
        _http.Status = HttpStatusCode.InternalServerError;

        var error = await Assert.ThrowsAsync<BrokerIdentityException>(() => Accounts(enabled: true).RevokeAsync("m1", CancellationToken.None));

        Assert.Equal(3, _http.Requests.Count(r => r.Line == "DELETE /api/connections/username/minion-m1"));
        Assert.StartsWith("RabbitMQ's management API answered 500 to DELETE /api/connections/username/minion-m1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrantAsync_BrokerAnswers400_NotTriedAgain()
    {
        _http.Status = HttpStatusCode.BadRequest;

        await Assert.ThrowsAsync<BrokerIdentityException>(() => Accounts(enabled: true).GrantAsync(Key("m1"), CancellationToken.None));

        Assert.Single(_http.Requests);
    }

    [Fact]
    public async Task GrantAndRevoke_Disabled_AskNothing()
    {
        var accounts = Accounts(enabled: false);

        Assert.Null(await accounts.GrantAsync(Key("m1"), CancellationToken.None));
        await accounts.RevokeAsync("m1", CancellationToken.None);

        Assert.Empty(_http.Requests);
    }

    [Fact]
    public async Task GrantAsync_Unauthorized_SaysTheReactorUserMustBeAnAdministrator()
    {
        _http.Status = HttpStatusCode.Unauthorized;

        var error = await Assert.ThrowsAsync<BrokerIdentityException>(() => Accounts(enabled: true).GrantAsync(Key("m1"), CancellationToken.None));

        Assert.Contains("'reactor'", error.Message, StringComparison.Ordinal);
        Assert.Contains("set_user_tags reactor administrator", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _minionKey.Dispose();
        _http.Dispose();
        _data.Delete(recursive: true);
    }

    private BrokerAccounts Accounts(bool enabled) =>
        _http.Accounts(enabled, new ReactorKey(Options.Create(new ReactorOptions { DataPath = _data.FullName })));

    private MinionKeyRecord Key(string minion)
    {
        var pem = _minionKey.ExportSubjectPublicKeyInfoPem();
        var at = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        return new MinionKeyRecord(minion, KeyPairFile.Fingerprint(pem), pem, MinionKeyState.Accepted, at, at);
    }

    private BrokerCredential Open(SealedBrokerCredential sealedCredential) => ManagementRecorder.Open(_minionKey, sealedCredential);
}
