using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.IntegrationTests.Infrastructure;
using RabbitMQ.Client;

namespace EventReactor.IntegrationTests;

/// <summary>Other services as users: plain AMQP publishers, the HTTP API with its token and OpenAPI document, and status.</summary>
[Collection(ServicesCollection.Name)]
public sealed class ApiTests
{
    private static string EchoRule(string id) => $$$"""
        rules:
          - name: echo
            on: ext/{{{id}}}/in
            do:
              - event.fire: { tag: "ext/{{{id}}}/out", data: { build: "${{ event.data.build }}" } }
        """;

    [Fact]
    public async Task AmqpPublish_AsTheReadmeShows_TriggersRuleAndMalformedGoesToErrorQueueWithReason()
    {
        using var workspace = new TestWorkspace();
        workspace.WithRules("echo.yaml", EchoRule(workspace.Id));
        await using var reactor = CliProcess.Start(["reactor", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--http", workspace.Server, "--bus", ServicesFixture.RabbitMqUrl]);
        await Reactors.WaitHealthyAsync(reactor, workspace.Server);
        await using var stream = await EventStreamClient.ConnectAsync(workspace.Server, $"ext/{workspace.Id}/*");
        var malformed = $$"""{"specversion":"1.0","id":"bad-{{workspace.Id}}","source":"ci","type":"t"}""";

        await AmqpPublishAsync(malformed);
        await AmqpPublishAsync($$$"""{"specversion":"1.0","id":"{{{workspace.Id}}}","source":"/ci/jenkins","type":"com.example.build","tag":"ext/{{{workspace.Id}}}/in","data":{"build":42}}""");

        var reaction = await stream.WaitForAsync(e => e.Tag == $"ext/{workspace.Id}/out", TimeSpan.FromSeconds(20), "the rule's reaction");
        Assert.Equal(42, reaction.Data.GetProperty("build").GetInt32());
        Assert.Equal(workspace.Id, reaction.CausedBy);
        var reason = await FindErrorReasonAsync(malformed);
        Assert.Contains("required attribute 'tag' is missing", reason, StringComparison.Ordinal);
        Assert.False(reactor.HasExited);
    }

    [Fact]
    public async Task Reactor_BrokerThatNeverSawAFault_DeclaresTheErrorQueueAtStart()
    {
        using var workspace = new TestWorkspace();
        await using var vhost = await RabbitVirtualHost.CreateAsync(workspace.Id);
        await using var reactor = CliProcess.Start(["reactor", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--http", workspace.Server, "--bus", vhost.Url]);
        await Reactors.WaitHealthyAsync(reactor, workspace.Server);

        var factory = new ConnectionFactory { HostName = "localhost", UserName = "guest", Password = "guest", VirtualHost = vhost.Name };
        await using var connection = await factory.CreateConnectionAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        QueueDeclareOk? declared;
        while ((declared = await TryDeclarePassiveAsync(connection)) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.NotNull(declared);

        // Bound to its exchange, so a fault routed there before the first one MassTransit handles is kept.
        await using var probe = await connection.CreateChannelAsync();
        await probe.BasicPublishAsync("eventreactor.reactor_error", string.Empty, Encoding.UTF8.GetBytes("probe"));
        var kept = await probe.BasicGetAsync("eventreactor.reactor_error", autoAck: true);
        Assert.Equal(0u, declared.MessageCount);
        Assert.Equal("probe", kept is null ? null : Encoding.UTF8.GetString(kept.Body.Span));
    }

    [Fact]
    public async Task HttpApi_TokenConfigured_RefusesRequestsWithoutItAndTheCliSendsIt()
    {
        using var workspace = new TestWorkspace();
        var token = $"secret-{workspace.Id}";
        await using var up = await Reactors.StartUpAsync(workspace, $"it-{workspace.Id}", new Dictionary<string, string> { ["EVENTREACTOR__Reactor__ApiToken"] = token }, waitForDocker: false);
        using var http = new HttpClient { BaseAddress = new Uri(workspace.Server) };

        var refused = await http.GetAsync("/api/status");
        var health = await http.GetAsync("/healthz");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var accepted = await http.GetAsync("/api/status");
        await using var withToken = CliProcess.Start(["status", "--json", "--server", workspace.Server], new Dictionary<string, string> { ["EVENTREACTOR_API_TOKEN"] = token });
        await using var withoutToken = CliProcess.Start(["minions", "--server", workspace.Server]);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(0, await withToken.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        using var status = JsonDocument.Parse(string.Join('\n', withToken.Stdout));
        Assert.True(status.RootElement.GetProperty("uptimeSeconds").GetDouble() >= 0);
        Assert.Equal(1, await withoutToken.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains(withoutToken.Stderr, l => l.Contains("401", StringComparison.Ordinal) && l.Contains("EVENTREACTOR_API_TOKEN", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenApi_Document_ListsEveryEndpoint()
    {
        using var workspace = new TestWorkspace();
        await using var up = await Reactors.StartUpAsync(workspace, $"it-{workspace.Id}", waitForDocker: false);
        using var http = new HttpClient { BaseAddress = new Uri(workspace.Server) };

        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        string[] expected = ["/healthz", "/readyz", "/api/events", "/api/events/stream", "/api/audit", "/api/rules/stats", "/api/minions", "/api/jobs", "/api/jobs/{jid}", "/api/status", "/api/pools", "/api/pools/{name}", "/api/pools/{name}/scale", "/api/pools/{name}/members", "/api/pools/{name}/members/{minion}"];
        Assert.All(expected, path => Assert.Contains(path, paths));
        var ready = await http.GetFromJsonAsync<JsonElement>("/readyz");
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("rules").GetProperty("status").GetString());
        Assert.Equal("Healthy", ready.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Minion_AskedForHealth_ServesReadinessOfBusAndOutbox()
    {
        using var workspace = new TestWorkspace();
        await using var minion = CliProcess.Start(["minion", "--id", $"it-{workspace.Id}", "--bus", ServicesFixture.RabbitMqUrl, "--data", workspace.DataPath, "--health", workspace.Server]);
        await Reactors.WaitHealthyAsync(minion, workspace.Server);
        using var http = new HttpClient { BaseAddress = new Uri(workspace.Server) };

        // 503 until the bus has connected.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        JsonElement ready;
        while (true)
        {
            using var response = await http.GetAsync("/readyz");
            ready = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (response.IsSuccessStatusCode || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(200);
        }

        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        var checks = ready.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("outbox").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("masstransit-bus").GetProperty("status").GetString());
    }

    // The README's way: amqp-publish from Debian's amqp-tools, to the documented exchange.
    private static async Task AmqpPublishAsync(string body)
    {
        var start = new ProcessStartInfo("amqp-publish") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { $"--url={ServicesFixture.AmqpUrl}", "--exchange=eventreactor.events", "--content-type=application/json", "--persistent", $"--body={body}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("amqp-publish did not start; install amqp-tools (deploy/dev/services.sh does)");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"amqp-publish failed: {error}");
    }

    private static async Task<string> FindErrorReasonAsync(string body)
    {
        await using var connection = await ServicesFixture.Broker().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var message = await channel.BasicGetAsync("eventreactor.reactor_error", autoAck: true);
            if (message is null)
            {
                await Task.Delay(200);
                continue;
            }

            if (Encoding.UTF8.GetString(message.Body.Span) == body && message.BasicProperties.Headers?.TryGetValue("MT-Fault-Message", out var reason) == true)
            {
                return reason is byte[] bytes ? Encoding.UTF8.GetString(bytes) : reason?.ToString() ?? string.Empty;
            }
        }

        throw new TimeoutException("the malformed message never reached eventreactor.reactor_error");
    }

    // A passive declaration of a missing queue closes its channel, so each try gets a new one.
    private static async Task<QueueDeclareOk?> TryDeclarePassiveAsync(IConnection connection)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return await channel.QueueDeclarePassiveAsync("eventreactor.reactor_error");
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null;
        }
    }
}
