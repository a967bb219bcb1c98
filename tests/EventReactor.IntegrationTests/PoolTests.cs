using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.IntegrationTests.Infrastructure;
using RabbitMQ.Client;

namespace EventReactor.IntegrationTests;

/// <summary>Pools: the process provider scaling real minion processes, selectors on grains, targeting, and state across a reactor crash.</summary>
[Collection(ServicesCollection.Name)]
public sealed class PoolTests
{
    private const string SimPool = """
        pools:
          - name: sim
            provider: process
            min: 0
            max: 50
            idle_shutdown: 30m
            grains: { rack: sim }
        """;

    private const string K80Pool = """
        pools:
          - name: gpu-k80
            select: >-
              (has(grains.gpus) && grains.gpus.exists(g, g.model.contains('K80')))
              || (has(grains.custom) && has(grains.custom.gpu) && grains.custom.gpu.contains('K80'))
        """;

    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PoolsScale_ProcessProvider_FiveMinionsJoinThenLeaveAndAreLost()
    {
        using var workspace = new TestWorkspace();
        await using var pools = await PoolReactor.StartAsync(workspace, SimPool);
        await using var stream = await EventStreamClient.ConnectAsync(workspace.Server, "pool/sim/*");

        var clock = Stopwatch.StartNew();
        var scale = await pools.RunCliAsync("pools", "scale", "sim", "5", "--wait", "--timeout", "30");
        clock.Stop();

        Assert.True(scale.ExitCode == 0, scale.Output + "\nreactor:\n" + pools.Reactor.Output);
        Assert.True(clock.Elapsed < Quick, $"took {clock.Elapsed}");
        Assert.Contains(scale.Stdout, l => l == "pool sim: 5/5 present");
        await stream.WaitForAsync(_ => stream.Events.Count(e => e.Tag == "pool/sim/join") == 5, TimeSpan.FromSeconds(5), "five joins");
        Assert.Equal(["sim-1", "sim-2", "sim-3", "sim-4", "sim-5"], stream.Events.Where(e => e.Tag == "pool/sim/join").Select(e => e.Data.GetProperty("minion").GetString()).Order());
        Assert.All(stream.Events.Where(e => e.Tag == "pool/sim/join"), e => Assert.Equal("provisioned", e.Data.GetProperty("reason").GetString()));
        Assert.Contains(stream.Events, e => e.Tag == "pool/sim/provisioning");

        var listing = await pools.RunCliAsync("minions", "--json");
        using (var minions = JsonDocument.Parse(string.Join('\n', listing.Stdout)))
        {
            var sims = minions.RootElement.EnumerateArray().Where(m => m.GetProperty("id").GetString()!.StartsWith("sim-", StringComparison.Ordinal)).ToList();
            Assert.Equal(5, sims.Count);
            Assert.All(sims, m =>
            {
                Assert.True(m.GetProperty("present").GetBoolean());
                Assert.Equal(["sim"], m.GetProperty("pools").EnumerateArray().Select(p => p.GetString()));
                Assert.Equal("sim", m.GetProperty("grains").GetProperty("custom").GetProperty("rack").GetString());
            });
        }

        var down = await pools.RunCliAsync("pools", "scale", "sim", "0", "--wait", "--timeout", "30");
        Assert.True(down.ExitCode == 0, down.Output);

        // --wait returns once the provider has removed them and they have left the pool, not when they stop being present.
        var emptied = await pools.GetAsync("/api/pools/sim");
        Assert.True(emptied.GetProperty("members").GetArrayLength() == 0 && emptied.GetProperty("provisioned").GetArrayLength() == 0, $"{down.Output}\n{emptied}");
        await stream.WaitForAsync(_ => stream.Events.Count(e => e.Tag == "pool/sim/leave") == 5, TimeSpan.FromSeconds(10), "five leaves");
        await PoolReactor.EventuallyAsync(
            () => pools.GetAsync("/api/minions"),
            all => all.EnumerateArray().Count(m => !m.GetProperty("present").GetBoolean()) == 5,
            TimeSpan.FromSeconds(15),
            "all five reported lost");
        await PoolReactor.EventuallyAsync(() => Task.FromResult(Signals.FindMinions("--bus", pools.BusUrl).Count), count => count == 0, TimeSpan.FromSeconds(15), "the minion processes to exit");
    }

    [Fact]
    public async Task Selector_K80CustomGrain_MinionJoinsByItselfIsTargetableAndLeavesWhenGone()
    {
        using var workspace = new TestWorkspace();
        var id = $"k80-{workspace.Id}";
        workspace.WithRules("ping.yaml", """
            rules:
              - name: ping-by-grain
                on: ping/grain
                do:
                  - minion.run: { tgt: "custom.gpu:*K80*", tgt_type: grain, fun: test.ping }
              - name: ping-by-pool
                on: ping/pool
                do:
                  - minion.run: { tgt: gpu-k80, tgt_type: pool, fun: test.ping }
              - name: ping-nothing
                on: ping/nothing
                do:
                  - minion.run: { tgt: "grains.custom.gpu == 'V100'", tgt_type: expr, fun: test.ping }
            """);
        await using var pools = await PoolReactor.StartAsync(workspace, K80Pool);
        await using var stream = await EventStreamClient.ConnectAsync(workspace.Server, "*");
        var environment = await Enrollment.EnvironmentAsync(workspace.Server, new Dictionary<string, string>
        {
            ["EVENTREACTOR__Minion__WatchDocker"] = "false",
            ["EVENTREACTOR__Minion__Grains__gpu"] = "Tesla K80",
        });
        await using var minion = CliProcess.Start(["minion", "--id", id, "--bus", pools.BusUrl], environment);

        var joined = await stream.WaitForAsync(e => e.Tag == "pool/gpu-k80/join", Quick, "the K80 minion joining gpu-k80");
        Assert.Equal(id, joined.Data.GetProperty("minion").GetString());
        Assert.Equal("selector", joined.Data.GetProperty("reason").GetString());

        await pools.Http.PostAsJsonAsync("/api/events", new { tag = "ping/grain" });
        await pools.Http.PostAsJsonAsync("/api/events", new { tag = "ping/pool" });
        await pools.Http.PostAsJsonAsync("/api/events", new { tag = "ping/nothing" });
        await stream.WaitForAsync(_ => stream.Events.Count(e => e.Tag.StartsWith("job/", StringComparison.Ordinal) && e.Tag.EndsWith($"/ret/{id}", StringComparison.Ordinal)) == 2, Quick, "two pings answered");
        var failed = await stream.WaitForAsync(e => e.Tag == "reactor/action/failed", Quick, "the expr target that matches nothing failing");
        Assert.Contains($"target 'grains.custom.gpu == 'V100'' (expr) matches no present minion; present: {id}", failed.Data.GetProperty("error").GetString(), StringComparison.Ordinal);

        minion.Terminate();
        var left = await stream.WaitForAsync(e => e.Tag == "pool/gpu-k80/leave", Quick, "the K80 minion leaving when it goes away");
        Assert.Equal("lost", left.Data.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Restart_AfterSigkill_StateIsKeptAndProvisionedMinionsAreAdopted()
    {
        using var workspace = new TestWorkspace();
        workspace.WithRules("ping.yaml", """
            rules:
              - name: ping-pool
                on: ping/sim
                do:
                  - minion.run: { tgt: sim, tgt_type: pool, fun: test.ping }
            """);
        await using var pools = await PoolReactor.StartAsync(workspace, SimPool);
        var scale = await pools.RunCliAsync("pools", "scale", "sim", "2", "--wait", "--timeout", "30");
        Assert.True(scale.ExitCode == 0, scale.Output);
        var add = await pools.RunCliAsync("pools", "add", "sim", "extra-1");
        Assert.True(add.ExitCode == 0, add.Output);
        var ping = EventEnvelope.Create("ping/sim", "/test");
        await PublishRawAsync(pools.BusUrl, ping);
        await PoolReactor.EventuallyAsync(() => pools.GetAsync("/api/jobs"), jobs => jobs.GetArrayLength() == 1 && jobs[0].GetProperty("returns").GetArrayLength() == 2, Quick, "the ping job with two returns");
        var before = await pools.GetAsync("/api/pools/sim");
        var pidsBefore = before.GetProperty("provisioned").EnumerateArray().Select(p => p.GetProperty("handle").GetString()).Order().ToList();

        await pools.CrashAndRestartAsync();

        var minions = await pools.GetAsync("/api/minions");
        Assert.Equal(["sim-1", "sim-2"], minions.EnumerateArray().Select(m => m.GetProperty("id").GetString()).Order());
        var jobs = await pools.GetAsync("/api/jobs");
        Assert.Equal(2, Assert.Single(jobs.EnumerateArray()).GetProperty("returns").GetArrayLength());
        var audit = await pools.GetAsync($"/api/audit?event={ping.Id}");
        Assert.Equal("acted", Assert.Single(audit.GetProperty("evaluations").EnumerateArray()).GetProperty("outcome").GetString());

        // The reactor adopts what still runs: same pids, one process per minion, nothing new provisioned.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var after = await pools.GetAsync("/api/pools/sim");
        Assert.Equal(pidsBefore, after.GetProperty("provisioned").EnumerateArray().Select(p => p.GetProperty("handle").GetString()).Order());
        Assert.Single(pools.MinionPids("sim-1"));
        Assert.Single(pools.MinionPids("sim-2"));
        Assert.Empty(pools.MinionPids("sim-3"));
        Assert.Contains(after.GetProperty("members").EnumerateArray(), m => m.GetProperty("minion").GetString() == "extra-1" && m.GetProperty("reason").GetString() == "added");

        // The idempotency ledger survived: a redelivery of the same event does not act again.
        await PublishRawAsync(pools.BusUrl, ping);
        await PoolReactor.EventuallyAsync(() => pools.GetAsync($"/api/audit?event={ping.Id}"), a => a.GetProperty("evaluations").GetArrayLength() == 2, Quick, "the redelivery audited");
        Assert.Single((await pools.GetAsync("/api/jobs")).EnumerateArray());
        var redelivery = (await pools.GetAsync($"/api/audit?event={ping.Id}")).GetProperty("evaluations").EnumerateArray().Select(e => e.GetProperty("outcome").GetString());
        Assert.Contains("duplicate", redelivery);
    }

    [Fact]
    public async Task IdleShutdown_MemberWithoutRecentJob_IsScaledDownWhileBusyOneStays()
    {
        using var workspace = new TestWorkspace();
        workspace.WithRules("ping.yaml", """
            rules:
              - name: keep-busy
                on: ping/one
                do:
                  - minion.run: { tgt: sim-1, fun: test.ping }
            """);
        await using var pools = await PoolReactor.StartAsync(workspace, SimPool.Replace("idle_shutdown: 30m", "idle_shutdown: 4s", StringComparison.Ordinal));
        await using var stream = await EventStreamClient.ConnectAsync(workspace.Server, "pool/sim/*");
        var scale = await pools.RunCliAsync("pools", "scale", "sim", "2", "--wait", "--timeout", "30");
        Assert.True(scale.ExitCode == 0, scale.Output);

        // sim-1 gets a job every second; sim-2 none.
        var left = Task.Run(() => stream.WaitForAsync(e => e.Tag == "pool/sim/leave", Quick, "the idle member leaving"));
        while (!left.IsCompleted)
        {
            await pools.Http.PostAsJsonAsync("/api/events", new { tag = "ping/one" });
            await Task.WhenAny(left, Task.Delay(1000));
        }

        var idle = await left;
        Assert.Equal(("sim-2", "destroyed"), (idle.Data.GetProperty("minion").GetString(), idle.Data.GetProperty("reason").GetString()));
        var pool = await pools.GetAsync("/api/pools/sim");
        Assert.Equal(1, pool.GetProperty("desired").GetInt32());
        Assert.Equal(["sim-1"], pool.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("minion").GetString()));
    }

    [Fact]
    public async Task PoolsScale_MemoryBus_RefusedSayingWhy()
    {
        using var workspace = new TestWorkspace();
        File.WriteAllText(Path.Combine(workspace.DataPath, "..", "pools.yaml"), SimPool);
        await using var up = CliProcess.Start(["up", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--pools", Path.Combine(workspace.DataPath, "..", "pools.yaml"), "--http", workspace.Server], new Dictionary<string, string> { ["EVENTREACTOR__Minion__WatchDocker"] = "false" });
        await Reactors.WaitHealthyAsync(up, workspace.Server);

        await using var scale = CliProcess.Start(["pools", "scale", "sim", "3", "--server", workspace.Server]);
        Assert.Equal(1, await scale.WaitForExitAsync(Quick));
        Assert.Contains(scale.Stderr, l => l.Contains("the process provider starts minions as separate processes, which need a real broker; Bus:Url is memory://", StringComparison.Ordinal));

        await using var unknown = CliProcess.Start(["pools", "scale", "nope", "1", "--server", workspace.Server]);
        Assert.Equal(1, await unknown.WaitForExitAsync(Quick));
        Assert.Contains(unknown.Stderr, l => l.Contains("404", StringComparison.Ordinal) && l.Contains("no pool 'nope'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reactor_InvalidPoolsFile_RefusesToStartNamingFileAndPosition()
    {
        using var workspace = new TestWorkspace();
        var file = Path.Combine(workspace.DataPath, "..", "pools.yaml");
        File.WriteAllText(file, "pools:\n  - name: a\n    min: 2\n  - name: b\n    select: id ==\n");
        await using var reactor = CliProcess.Start(["reactor", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--pools", file, "--http", workspace.Server, "--bus", "memory://"]);

        Assert.Equal(1, await reactor.WaitForExitAsync(Quick));
        var full = Path.GetFullPath(file);
        Assert.Contains(reactor.Stderr, l => l.StartsWith($"{full}:2:5: 'min', 'max', 'idle_shutdown' and 'grains' need a 'provider'", StringComparison.Ordinal));
        Assert.Contains(reactor.Stderr, l => l.StartsWith($"{full}:5:", StringComparison.Ordinal) && l.Contains("CEL:", StringComparison.Ordinal));
    }

    // A redelivery on the wire: the same CloudEvent published again by a plain AMQP client into the test's virtual host.
    private static async Task PublishRawAsync(string busUrl, EventEnvelope envelope)
    {
        var factory = new ConnectionFactory { HostName = "localhost", UserName = "guest", Password = "guest", VirtualHost = new Uri(busUrl).AbsolutePath.TrimStart('/') };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { ContentType = "application/json", Persistent = true, MessageId = envelope.Id };
        await channel.BasicPublishAsync("eventreactor.events", string.Empty, true, properties, Encoding.UTF8.GetBytes(CloudEventJson.Serialize(envelope)));
    }
}
