using System.Globalization;
using System.Text.Json;
using EventReactor.IntegrationTests.Infrastructure;

namespace EventReactor.IntegrationTests;

/// <summary>The real minion over the real RabbitMQ: start, inventory and heartbeat, with grains true to this host.</summary>
[Collection(ServicesCollection.Name)]
public sealed class MinionPresenceTests
{
    [Fact]
    public async Task Minion_OnStart_PublishesStartThenInventoryMatchingProcThenHeartbeats()
    {
        using var workspace = new TestWorkspace();
        var minionId = $"it-{workspace.Id}";
        await using var reactor = CliProcess.Start(["reactor", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--http", workspace.Server, "--bus", ServicesFixture.RabbitMqUrl]);
        await Reactors.WaitHealthyAsync(reactor, workspace.Server);
        await using var watch = await Reactors.WatchAsync(workspace.Server, $"minion/{minionId}/*", count: 3, timeoutSeconds: 60);

        await using var minion = CliProcess.Start(
            ["minion", "--id", minionId, "--bus", ServicesFixture.RabbitMqUrl],
            // Not following the engine: on a shared engine, other containers' events would count among the three.
            new Dictionary<string, string>
            {
                ["EVENTREACTOR__Minion__HeartbeatInterval"] = "00:00:01",
                ["EVENTREACTOR__Minion__Grains__rack"] = "b3",
                ["EVENTREACTOR__Minion__WatchDocker"] = "false",
            });
        var exitCode = await watch.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.True(exitCode == 0, $"watch exited {exitCode}:\n{watch.Output}\nminion:\n{minion.Output}");
        var events = watch.Stdout.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        // The minion publishes start first; the inventory and the first beat follow it in either order. The reactor handles
        // deliveries concurrently, so the stream's order is not the minion's: the events' own times say what it did.
        var tags = events.Select(e => e.GetProperty("tag").GetString()).ToList();
        Assert.Equal([$"minion/{minionId}/heartbeat", $"minion/{minionId}/inventory", $"minion/{minionId}/start"], tags.Order(StringComparer.Ordinal));
        var start = Time(events.Single(e => e.GetProperty("tag").GetString()!.EndsWith("/start", StringComparison.Ordinal)));
        Assert.All(events, e => Assert.True(Time(e) >= start, $"{e.GetProperty("tag").GetString()} at {Time(e):O} came before start at {start:O}"));
        var beat = events.Single(e => e.GetProperty("tag").GetString()!.EndsWith("/heartbeat", StringComparison.Ordinal));
        Assert.Equal(1, beat.GetProperty("data").GetProperty("intervalSeconds").GetInt32());

        var grains = events.Single(e => e.GetProperty("tag").GetString()!.EndsWith("/inventory", StringComparison.Ordinal)).GetProperty("data");
        var cpuinfo = File.ReadAllLines("/proc/cpuinfo");
        var memTotal = File.ReadAllLines("/proc/meminfo").First(line => line.StartsWith("MemTotal:", StringComparison.Ordinal));
        Assert.Equal(Value(cpuinfo.First(line => line.StartsWith("model name", StringComparison.Ordinal))), grains.GetProperty("cpu").GetProperty("model").GetString());
        Assert.Equal(cpuinfo.Count(line => line.StartsWith("processor", StringComparison.Ordinal)), grains.GetProperty("cpu").GetProperty("threads").GetInt32());
        Assert.Equal(long.Parse(Value(memTotal).Split(' ')[0], CultureInfo.InvariantCulture) * 1024, grains.GetProperty("memory").GetProperty("totalBytes").GetInt64());
        Assert.Equal("b3", grains.GetProperty("custom").GetProperty("rack").GetString());
        Assert.Equal(JsonValueKind.Object, grains.GetProperty("docker").ValueKind); // the engine the services script started
    }

    private static DateTimeOffset Time(JsonElement envelope) => envelope.GetProperty("time").GetDateTimeOffset();

    private static string Value(string line) => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
}
