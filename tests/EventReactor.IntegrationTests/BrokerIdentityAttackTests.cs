using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.IntegrationTests.Infrastructure;
using EventReactor.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using Xunit.Abstractions;

namespace EventReactor.IntegrationTests;

/// <summary>
/// Issue #14's attacks on identity on the bus, against the real reactor (Reactor:BrokerIdentity:Enabled), a real minion
/// and the real broker. Minion A is compromised: the attacker holds its own broker credential (read from A's data folder)
/// and tries to act as minion B, read B's commands or send commands. Each attack must be refused by RabbitMQ (the
/// channel or connection closed) or audited by the reactor as rejected (identity); a legitimate event of A's is acted on,
/// so that the assertions can fail.
/// </summary>
[Collection(ServicesCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BrokerIdentityAttackTests(ITestOutputHelper output)
{
    private const ushort AccessRefused = 403;
    private const ushort PreconditionFailed = 406;
    private const string Attacker = "attacker";
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);

    private const string Rules = """
        rules:
          - name: on-die
            on: minion/*/docker/container/die
            do:
              - event.fire: { tag: demo/died }
          - name: on-return
            on: job/*/ret/*
            do:
              - event.fire: { tag: demo/returned }
        """;

    [Fact]
    public async Task MinionA_ImpersonatesReadsAndSends_BrokerRefusesOrReactorRejectsAndDeletedKeyIsCutOff()
    {
        using var workspace = new TestWorkspace().WithRules("rules.yaml", Rules);
        var a = $"a-{workspace.Id}";
        var b = $"b-{workspace.Id}";
        var minionData = Path.Combine(workspace.DataPath, "minion-a");
        await using var vhost = await RabbitVirtualHost.CreateAsync(workspace.Id);
        await using var reactor = CliProcess.Start(
            ["reactor", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--http", workspace.Server, "--bus", vhost.Url],
            new Dictionary<string, string> { ["EVENTREACTOR__Reactor__BrokerIdentity__Enabled"] = "true" });
        await Reactors.WaitHealthyAsync(reactor, workspace.Server);
        using var http = new HttpClient { BaseAddress = new Uri(workspace.Server) };
        using var management = Management();
        var attacks = 0;

        // A real minion A whose bus URL holds no working account: it can reach the broker only with the one enrollment gives it.
        var environment = await Enrollment.EnvironmentAsync(workspace.Server, new Dictionary<string, string> { ["EVENTREACTOR__Minion__WatchDocker"] = "false" });
        var noAccount = $"rabbitmq://nobody:nothing@localhost:5672/{vhost.Name}";
        var minion = CliProcess.Start(["minion", "--id", a, "--bus", noAccount, "--data", minionData], environment);
        try
        {
            await Enrollment.WaitAcceptedAsync(minion);
            await minion.WaitForLineAsync(l => l.Contains($"has its own broker user minion-{a}", StringComparison.Ordinal), Quick, "minion A to keep its broker user");
            var credentialFile = Path.Combine(minionData, "broker.json");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(credentialFile));
            var stolen = JsonSerializer.Deserialize<BrokerCredential>(File.ReadAllText(credentialFile))!;
            Assert.Equal($"minion-{a}", stolen.Username);
            await WaitUntilAsync(async () => await ConsumersAsync(management, vhost.Name, MinionCommand.QueueName(a)) > 0, "minion A to consume its command queue as its own user", minion);
            await WaitUntilAsync(async () => (await ConnectionUsersAsync(management, vhost.Name)).Contains($"minion-{a}"), "minion A to connect as its own user", minion);

            // Minion B is accepted too (its own key, a token), so its events would be acted on if anyone could speak for it.
            using var bKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using (var enrolled = await http.PostAsJsonAsync("/api/keys/enroll", new EnrollRequest(b, bKey.ExportSubjectPublicKeyInfoPem(), await Enrollment.TokenAsync(workspace.Server))))
            {
                Assert.Equal(MinionKeyState.Accepted, (await enrolled.Content.ReadFromJsonAsync<EnrollResponse>())!.State);
            }

            // No credentials, a wrong password, A's password for B's user.
            foreach (var (user, password) in new[] { (string.Empty, string.Empty), (stolen.Username, "wrong"), ($"minion-{b}", stolen.Password) })
            {
                attacks++;
                await Assert.ThrowsAnyAsync<BrokerUnreachableException>(() => Factory(vhost.Name, user, password).CreateConnectionAsync());
            }

            await using var asA = await Factory(vhost.Name, stolen.Username, stolen.Password).CreateConnectionAsync();

            // The control: A speaking for itself is acted on.
            var own = Die(a);
            Assert.Null(await RefusalAsync(asA, channel => PublishAsync(channel, EventBusNames.EventsExchange, own, stolen.Username)));
            Assert.Equal(RuleOutcome.Acted, (await AuditAsync(http, own.Id)).Outcome);

            // Refused by the broker: the channel is closed with ACCESS_REFUSED (or PRECONDITION_FAILED for a false user_id).
            var refusedByBroker = new (string What, ushort Code, Func<IChannel, Task> Attack)[]
            {
                ("publish minion/B/... to the events exchange", AccessRefused, ch => PublishAsync(ch, EventBusNames.EventsExchange, Die(b), stolen.Username)),
                ("publish job/<jid>/ret/B", AccessRefused, ch => PublishAsync(ch, EventBusNames.EventsExchange, Return(b), stolen.Username)),
                ("set user_id to B", PreconditionFailed, ch => PublishAsync(ch, EventBusNames.EventsExchange, Die(a), $"minion-{b}")),
                ("publish to amq.default, to B's command queue", AccessRefused, ch => PublishAsync(ch, string.Empty, Die(a), stolen.Username, MinionCommand.QueueName(b))),
                ("publish to B's command exchange", AccessRefused, ch => PublishAsync(ch, MinionCommand.QueueName(b), Die(a), stolen.Username)),
                ("publish to eventreactor.all, where only the reactor emits", AccessRefused, ch => PublishAsync(ch, EventBusNames.AllExchange, Die(a), stolen.Username)),
                ("declare a queue", AccessRefused, ch => ch.QueueDeclareAsync($"spy-{workspace.Id}", durable: false, exclusive: true, autoDelete: true)),
                ("bind its own queue to B's commands", AccessRefused, ch => ch.QueueBindAsync(MinionCommand.QueueName(a), MinionCommand.QueueName(b), string.Empty)),
                ("consume B's command queue", AccessRefused, ch => ch.BasicConsumeAsync(MinionCommand.QueueName(b), autoAck: true, new AsyncEventingBasicConsumer(ch))),
                ("bind a queue to the events exchange to watch everyone", AccessRefused, ch => ch.QueueBindAsync(MinionCommand.QueueName(a), EventBusNames.AllExchange, "#")),
            };
            foreach (var (what, code, attack) in refusedByBroker)
            {
                attacks++;
                Assert.True(await RefusalAsync(asA, attack) == code, $"{what}: the broker did not refuse it with {code}");
            }

            // Past the broker (its own routing key), but the event speaks for B: the reactor audits it rejected (identity).
            var spoofed = new[]
            {
                Die(b) with { Minion = null },
                Die(a) with { Minion = b },
                Return(b),
            };
            foreach (var forged in spoofed)
            {
                attacks++;
                Assert.Null(await RefusalAsync(asA, ch => PublishAsync(ch, EventBusNames.EventsExchange, forged, stolen.Username, RoutingKeys.FromTag($"minion/{a}/docker/container/die"))));
                var audited = await AuditAsync(http, forged.Id);
                Assert.Equal(RuleOutcome.Rejected, audited.Outcome);
                Assert.StartsWith("identity:", audited.Detail, StringComparison.Ordinal);
            }

            // After a restart, minion A connects with the account it kept, from the start.
            await minion.DisposeAsync();
            await WaitUntilAsync(async () => !(await ConnectionUsersAsync(management, vhost.Name)).Contains($"minion-{a}"), "minion A's connections to go with it", state: () => ConnectionsAsync(management, vhost.Name));
            minion = CliProcess.Start(["minion", "--id", a, "--bus", noAccount, "--data", minionData], environment);
            await WaitUntilAsync(async () => (await ConnectionUsersAsync(management, vhost.Name)).Contains($"minion-{a}") && await ConsumersAsync(management, vhost.Name, MinionCommand.QueueName(a)) > 0, "the restarted minion A to connect and consume as its own user", minion);
            Assert.DoesNotContain(minion.Stdout, l => l.Contains("ACCESS_REFUSED", StringComparison.Ordinal));

            // The key is deleted while A's connection is open: the broker user goes, the connection is closed, nothing sent after arrives.
            attacks++;
            using (var deleted = await http.DeleteAsync($"/api/keys/{a}"))
            {
                Assert.True(deleted.IsSuccessStatusCode, await deleted.Content.ReadAsStringAsync());
            }

            await WaitUntilAsync(() => Task.FromResult(!asA.IsOpen), "A's open connection to be closed");
            var after = Die(a);
            await Assert.ThrowsAnyAsync<Exception>(async () =>
            {
                await using var channel = await asA.CreateChannelAsync();
                await PublishAsync(channel, EventBusNames.EventsExchange, after, stolen.Username);
            });
            await Assert.ThrowsAnyAsync<BrokerUnreachableException>(() => Factory(vhost.Name, stolen.Username, stolen.Password).CreateConnectionAsync());
            await WaitUntilAsync(async () => !(await ConnectionUsersAsync(management, vhost.Name)).Contains($"minion-{a}"), "the real minion A's connections to be closed", state: () => ConnectionsAsync(management, vhost.Name));
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Empty((await http.GetFromJsonAsync<EventAudit>($"/api/audit?event={after.Id}"))!.Evaluations);

            output.WriteLine($"{attacks} attacks, none succeeded");
        }
        finally
        {
            await minion.DisposeAsync();
            using var cleanup = Management();
            await cleanup.DeleteAsync($"/api/users/minion-{a}");
            await cleanup.DeleteAsync($"/api/users/minion-{b}");
        }
    }

    private static ConnectionFactory Factory(string vhost, string user, string password) =>
        new() { HostName = "localhost", VirtualHost = vhost, UserName = user, Password = password, AutomaticRecoveryEnabled = false, ClientProvidedName = Attacker };

    private static HttpClient Management()
    {
        var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:15672/"), Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("guest:guest"u8.ToArray()));
        return http;
    }

    private static async Task<int> ConsumersAsync(HttpClient management, string vhost, string queue)
    {
        using var response = await management.GetAsync($"api/queues/{Uri.EscapeDataString(vhost)}/{Uri.EscapeDataString(queue)}");
        // Until the broker's statistics catch up, a new queue has no "consumers" yet.
        return response.IsSuccessStatusCode && (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("consumers", out var consumers) ? consumers.GetInt32() : 0;
    }

    // The users of the virtual host's connections, the attacker's own left out: it logs in as minion A too, and the
    // broker lists a new connection only after its next statistics tick, so counting it made the waits for A's
    // connections to go pass or time out by timing (a CI run timed out on it).
    private static async Task<HashSet<string>> ConnectionUsersAsync(HttpClient management, string vhost)
    {
        using var response = await management.GetAsync("api/connections");
        Assert.True(response.IsSuccessStatusCode, "the RabbitMQ management API does not answer on 127.0.0.1:15672; enable it: sudo deploy/dev/services.sh");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Where(c => c.GetProperty("vhost").GetString() == vhost && ConnectionName(c) != Attacker)
            .Select(c => c.GetProperty("user").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
    }

    // Each connection of the virtual host as the management API lists it: user, name (peer and local port), client name, state.
    private static async Task<string> ConnectionsAsync(HttpClient management, string vhost)
    {
        using var response = await management.GetAsync("api/connections");
        var connections = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Where(c => c.GetProperty("vhost").GetString() == vhost)
            .Select(c => $"{c.GetProperty("user").GetString()} {c.GetProperty("name").GetString()} " +
                $"'{ConnectionName(c)}' " +
                $"{(c.TryGetProperty("state", out var state) ? state.GetString() : "?")}");
        return string.Join("; ", connections);
    }

    private static string? ConnectionName(JsonElement connection) =>
        connection.TryGetProperty("client_properties", out var properties) && properties.TryGetProperty("connection_name", out var name) ? name.GetString() : null;

    // Null when the action went through (a publish confirmed), else the code the broker closed the channel with.
    private static async Task<ushort?> RefusalAsync(IConnection connection, Func<IChannel, Task> action)
    {
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        try
        {
            await action(channel);
        }
        catch (Exception ex) when (ex is OperationInterruptedException or AlreadyClosedException or PublishException)
        {
            // The channel's close reason says why.
        }

        // A refusal closes the channel asynchronously; give the close a moment to arrive.
        for (var i = 0; i < 10 && channel.IsOpen; i++)
        {
            await Task.Delay(50);
        }

        return channel.IsOpen ? null : channel.CloseReason?.ReplyCode;
    }

    private static async Task PublishAsync(IChannel channel, string exchange, EventEnvelope envelope, string userId, string? routingKey = null)
    {
        var properties = new BasicProperties { ContentType = "application/json", MessageId = envelope.Id, UserId = userId, Persistent = true };
        await channel.BasicPublishAsync(exchange, routingKey ?? RoutingKeys.FromTag(envelope.Tag), mandatory: false, properties, CloudEventJson.SerializeToUtf8Bytes(envelope));
    }

    private static async Task<AuditRecord> AuditAsync(HttpClient http, string eventId)
    {
        var deadline = DateTime.UtcNow + Quick;
        while (DateTime.UtcNow < deadline)
        {
            var audit = await http.GetFromJsonAsync<EventAudit>($"/api/audit?event={eventId}");
            if (audit!.Evaluations.Count > 0)
            {
                return audit.Evaluations.Single(e => e.Rule is "on-die" or "on-return");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"event {eventId} was not audited within {Quick.TotalSeconds:F0}s");
    }

    // On a timeout, state says what the wait saw last.
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, CliProcess? process = null, Func<Task<string>>? state = null)
    {
        var deadline = DateTime.UtcNow + Quick;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var seen = state is null ? string.Empty : $"; last seen: {await state()}";
                throw new TimeoutException($"timed out waiting for {what}{seen}{(process is null ? string.Empty : $"; its output ends:\n{string.Join('\n', process.Output.Split('\n').TakeLast(40))}")}");
            }

            await Task.Delay(100);
        }
    }

    private static EventEnvelope Die(string minion) =>
        EventEnvelope.Create($"minion/{minion}/docker/container/die", $"/minion/{minion}", JsonSerializer.SerializeToElement(new { exitCode = 1 })) with { Minion = minion };

    private static EventEnvelope Return(string minion) =>
        EventEnvelope.Create($"job/j-{Guid.NewGuid():N}/ret/{minion}", $"/minion/{minion}", JsonSerializer.SerializeToElement(new { success = true })) with { Minion = null };
}
