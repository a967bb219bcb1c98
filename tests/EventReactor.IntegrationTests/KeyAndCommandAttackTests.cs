using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.IntegrationTests.Infrastructure;
using EventReactor.Messaging;
using EventReactor.Storage.Keys;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EventReactor.IntegrationTests;

/// <summary>
/// Issue #11's attacks on keys and commands, against the real reactor, minion and broker: every one must fail to do harm.
/// The attacker is any broker user (here guest on the test's own vhost) who can send to a minion's command queue.
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class KeyAndCommandAttackTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SendToMinionQueue_ForgedTamperedMistargetedExpiredFutureAndReplayed_NoneRunsEvenAfterARestart()
    {
        using var workspace = new TestWorkspace();
        var id = $"it-{workspace.Id}";
        var minionData = Path.Combine(workspace.DataPath, "minion");
        await using var vhost = await RabbitVirtualHost.CreateAsync(workspace.Id);
        await using var reactor = CliProcess.Start(["reactor", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--http", workspace.Server, "--bus", vhost.Url]);
        await Reactors.WaitHealthyAsync(reactor, workspace.Server);
        var environment = await Enrollment.EnvironmentAsync(workspace.Server, new Dictionary<string, string> { ["EVENTREACTOR__Minion__WatchDocker"] = "false" });
        var minion = CliProcess.Start(["minion", "--id", id, "--bus", vhost.Url, "--data", minionData], environment);
        try
        {
            await Enrollment.WaitAcceptedAsync(minion);
            using var attacker = await StartBusAsync(vhost);
            using var reactorKey = KeyPairFile.LoadOrCreate(Path.Combine(workspace.DataPath, "reactor.key"));
            using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var now = DateTimeOffset.UtcNow;
            var valid = SignedMinionCommand.Sign(Ping(id, "legit", now), reactorKey);
            var tampered = valid with { Payload = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(valid.Payload).Replace("\"legit\"", "\"tampered\"", StringComparison.Ordinal)) };
            var attacks = new (string Jid, SignedMinionCommand Command, string Reason)[]
            {
                ("unsigned", SignedMinionCommand.Sign(Ping(id, "unsigned", now), reactorKey) with { Signature = [] }, "Unsigned"),
                ("wrong-key", SignedMinionCommand.Sign(Ping(id, "wrong-key", now), otherKey), "BadSignature"),
                ("tampered", tampered, "BadSignature"),
                ("other-target", SignedMinionCommand.Sign(Ping("someone-else", "other-target", now), reactorKey), "OtherTarget"),
                ("expired", SignedMinionCommand.Sign(Ping(id, "expired", now.AddSeconds(-120)), reactorKey), "Expired"),
                ("future", SignedMinionCommand.Sign(Ping(id, "future", now.AddSeconds(120)), reactorKey), "FromTheFuture"),
            };

            foreach (var attack in attacks)
            {
                await SendAsync(attacker, id, attack.Command);
            }

            await SendAsync(attacker, id, valid);
            await minion.WaitForLineAsync(l => l.Contains("Job legit: test.ping returned success=True", StringComparison.Ordinal), Quick, "the valid command to run");
            foreach (var attack in attacks)
            {
                await minion.WaitForLineAsync(l => l.Contains($"Refused a command ({attack.Reason})", StringComparison.Ordinal), Quick, $"the {attack.Jid} command to be refused");
            }

            await SendAsync(attacker, id, valid);
            await minion.WaitForLineAsync(l => l.Contains("Refused a command (Replayed): job legit ", StringComparison.Ordinal), Quick, "the replay to be refused");
            AssertNoneRan(minion, attacks.Select(a => a.Jid));

            // The replay cache is on disk: the same command after a restart is still refused.
            await minion.DisposeAsync();
            minion = CliProcess.Start(["minion", "--id", id, "--bus", vhost.Url, "--data", minionData], environment);
            await minion.WaitForLineAsync(l => l.Contains("the reactor key is pinned", StringComparison.Ordinal), Quick, "the restarted minion to load its pinned key");
            await SendAsync(attacker, id, valid);
            await minion.WaitForLineAsync(l => l.Contains("Refused a command (Replayed): job legit ", StringComparison.Ordinal), Quick, "the replay after the restart to be refused");
            Assert.DoesNotContain(minion.Stdout, l => l.Contains("Job legit: test.ping returned", StringComparison.Ordinal));
        }
        finally
        {
            await minion.DisposeAsync();
        }
    }

    [Fact]
    public async Task Enroll_SameIdOtherKeyUsedTokenExpiredTokenAndAFlood_DeniedRefusedAndBounded()
    {
        using var workspace = new TestWorkspace();
        await using var vhost = await RabbitVirtualHost.CreateAsync(workspace.Id);
        await using var reactor = CliProcess.Start(
            ["reactor", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--http", workspace.Server, "--bus", vhost.Url],
            new Dictionary<string, string> { ["EVENTREACTOR__Reactor__Keys__MaxUntrusted"] = "5" });
        await Reactors.WaitHealthyAsync(reactor, workspace.Server);
        using var http = new HttpClient { BaseAddress = new Uri(workspace.Server) };
        using var first = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var second = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var token = await Enrollment.TokenAsync(workspace.Server);
        Assert.Equal(MinionKeyState.Accepted, (await EnrollAsync(http, "m1", first, token)).State);
        Assert.Equal(MinionKeyState.Denied, (await EnrollAsync(http, "m1", second)).State);
        using (var reused = await http.PostAsJsonAsync("/api/keys/enroll", new EnrollRequest("m2", second.ExportSubjectPublicKeyInfoPem(), token)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, reused.StatusCode);
        }

        var shortLived = await Enrollment.TokenAsync(workspace.Server, ttlSeconds: 1);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        using (var expired = await http.PostAsJsonAsync("/api/keys/enroll", new EnrollRequest("m3", second.ExportSubjectPublicKeyInfoPem(), shortLived)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var response = await http.PostAsJsonAsync("/api/keys/enroll", new EnrollRequest($"flood-{i}", key.ExportSubjectPublicKeyInfoPem()));
            statuses.Add(response.StatusCode);
        }

        // One denied key is already on record: four more fit under the bound of five, the rest are refused.
        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(16, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        await using var list = CliProcess.Start(["keys", "list", "--json", "--server", workspace.Server]);
        Assert.Equal(0, await list.WaitForExitAsync(Quick));
        var keys = JsonDocument.Parse(string.Join('\n', list.Stdout)).RootElement.EnumerateArray().ToList();
        Assert.Equal(6, keys.Count);
        Assert.Equal(["accepted", "denied"], keys.Where(k => k.GetProperty("minion").GetString() == "m1").Select(k => k.GetProperty("state").GetString()));

        await using var accept = CliProcess.Start(["keys", "accept", "m1", "--server", workspace.Server]);
        Assert.Equal(1, await accept.WaitForExitAsync(Quick));
        Assert.Contains(accept.Stderr, l => l.Contains("409", StringComparison.Ordinal));
    }

    private static MinionCommand Ping(string minion, string jid, DateTimeOffset issuedAt) => new()
    {
        Jid = jid,
        Minion = minion,
        Function = "test.ping",
        IssuedAt = issuedAt,
        ExpiresAt = issuedAt.AddSeconds(30),
        Nonce = Guid.NewGuid().ToString("N"),
    };

    private static void AssertNoneRan(CliProcess minion, IEnumerable<string> jids)
    {
        foreach (var jid in jids)
        {
            Assert.DoesNotContain(minion.Stdout, l => l.Contains($"Job {jid}: test.ping returned", StringComparison.Ordinal));
        }
    }

    private static async Task<EnrollResponse> EnrollAsync(HttpClient http, string minion, ECDsa key, string? token = null)
    {
        using var response = await http.PostAsJsonAsync("/api/keys/enroll", new EnrollRequest(minion, key.ExportSubjectPublicKeyInfoPem(), token));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<EnrollResponse>())!;
    }

    private static async Task SendAsync(IHost attacker, string minion, SignedMinionCommand command)
    {
        var endpoint = await attacker.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"queue:{MinionCommand.QueueName(minion)}"));
        await endpoint.Send(command);
    }

    private static async Task<IHost> StartBusAsync(RabbitVirtualHost vhost)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Bus:Url"] = vhost.Url });
        builder.AddEventBus();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
