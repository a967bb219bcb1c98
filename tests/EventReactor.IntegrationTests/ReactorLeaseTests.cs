using System.Diagnostics;
using System.Globalization;
using EventReactor.IntegrationTests.Infrastructure;

namespace EventReactor.IntegrationTests;

/// <summary>
/// Two reactor processes on one PostgreSQL database and one broker: the singleton work's leases move to the survivor
/// when the holder dies, and a holder paused past its lease announces nothing after it resumes (the fence).
/// </summary>
[Collection(ServicesCollection.Name)]
public sealed class ReactorLeaseTests
{
    // Short leases so that the test waits seconds, not the default 20 s.
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(4);

    private static readonly Dictionary<string, string> Leases = new()
    {
        ["EVENTREACTOR__Reactor__Leases__Duration"] = Duration.ToString("c", CultureInfo.InvariantCulture),
        ["EVENTREACTOR__Reactor__Leases__RenewEvery"] = RenewEvery.ToString("c", CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Reactors_HolderKilled_TheOtherTakesThePresenceAndPoolLeasesWithinTheLeaseTime()
    {
        using var first = new TestWorkspace();
        using var second = new TestWorkspace();
        first.WithRules("noop.yaml", NoopRule(first.Id));
        await using var vhost = await RabbitVirtualHost.CreateAsync($"lease-{first.Id}");
        await using var database = await TestPostgresDatabase.CreateAsync(first.Id);
        await using var holder = await StartReactorAsync(first, first.RulesPath, vhost, database);
        await WaitHeldAsync(database, "PresenceMonitor", holder, TimeSpan.FromSeconds(20));
        await WaitHeldAsync(database, "PoolReconciler", holder, TimeSpan.FromSeconds(20));
        await using var survivor = await StartReactorAsync(second, first.RulesPath, vhost, database);

        holder.Crash();
        var clock = Stopwatch.StartNew();
        var presence = await WaitHeldAsync(database, "PresenceMonitor", survivor, Duration + RenewEvery + Slack);
        var pools = await WaitHeldAsync(database, "PoolReconciler", survivor, Duration + RenewEvery + Slack - clock.Elapsed);

        Assert.Equal((2L, 2L), (presence, pools));
    }

    [Fact]
    public async Task Reactors_HolderPausedPastItsLease_TheOtherTakesOverAndTheResumedOneAnnouncesNothing()
    {
        using var first = new TestWorkspace();
        using var second = new TestWorkspace();
        first.WithRules("noop.yaml", NoopRule(first.Id));
        await using var vhost = await RabbitVirtualHost.CreateAsync($"lease-{first.Id}");
        await using var database = await TestPostgresDatabase.CreateAsync(first.Id);
        await using var paused = await StartReactorAsync(first, first.RulesPath, vhost, database);
        await WaitHeldAsync(database, "RuleAnnouncements", paused, TimeSpan.FromSeconds(20));
        await using var other = await StartReactorAsync(second, first.RulesPath, vhost, database);
        await using var announcements = await AnnouncementQueue.CreateAsync(vhost.Name);

        Signals.Send(paused.Id, "STOP");
        try
        {
            Assert.Equal(2, await WaitHeldAsync(database, "RuleAnnouncements", other, Duration + RenewEvery + Slack));

            // The new holder says which rules are in force once; then a reload, which both reactors make.
            await announcements.WaitForAsync(1, TimeSpan.FromSeconds(10));
            first.WithRules("more.yaml", NoopRule(second.Id));
            await announcements.WaitForAsync(2, TimeSpan.FromSeconds(10));
        }
        finally
        {
            Signals.Send(paused.Id, "CONT");
        }

        await paused.WaitForLineAsync(l => l.Contains("Lease RuleAnnouncements (epoch 1) lost", StringComparison.Ordinal), TimeSpan.FromSeconds(15), "the resumed reactor giving its lease up");
        await paused.WaitForLineAsync(l => l.Contains("Rules reloaded: 2 rules", StringComparison.Ordinal), TimeSpan.FromSeconds(15), "the resumed reactor's own reload");
        await Task.Delay(Duration);

        Assert.Equal(2, await announcements.CountAsync());
        Assert.Equal(2, await WaitHeldAsync(database, "RuleAnnouncements", other, TimeSpan.FromSeconds(1)));
    }

    private static string NoopRule(string id) => $$$"""
        rules:
          - name: noop-{{{id}}}
            on: lease/{{{id}}}/in
            do:
              - event.fire: { tag: "lease/{{{id}}}/out" }
        """;

    private static async Task<CliProcess> StartReactorAsync(TestWorkspace workspace, string rules, RabbitVirtualHost vhost, TestPostgresDatabase database)
    {
        var reactor = CliProcess.Start(["reactor", "--rules", rules, "--data", workspace.DataPath, "--http", workspace.Server, "--bus", vhost.Url, "--state", database.Url], Leases);
        await Reactors.WaitReadyAsync(reactor, workspace.Server);
        return reactor;
    }

    // The lease's epoch once the reactor's process holds it; the holder id is host/pid/random.
    private static async Task<long> WaitHeldAsync(TestPostgresDatabase database, string lease, CliProcess reactor, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var rows = await database.QueryAsync($"SELECT epoch FROM leases WHERE name = '{lease}' AND holder LIKE '%/{reactor.Id}/%' AND expires_at > (extract(epoch from now()) * 1000)::bigint");
            if (rows.Count == 1)
            {
                return long.Parse(rows[0][0], CultureInfo.InvariantCulture);
            }

            Assert.True(DateTime.UtcNow < deadline, $"the reactor (pid {reactor.Id}) did not hold lease {lease} within {within.TotalSeconds:F1} s; leases: {string.Join("; ", (await database.QueryAsync("SELECT name, holder, epoch, expires_at FROM leases")).Select(r => string.Join(' ', r)))}\n{reactor.Output}");
            await Task.Delay(200);
        }
    }
}
