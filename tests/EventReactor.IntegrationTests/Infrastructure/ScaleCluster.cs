using System.Globalization;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// Three reactor processes on one PostgreSQL database of the test's own and one virtual host of its own on the shared
/// broker, with one rule that fires an event for each event under <see cref="EventTag"/>, and the queries a chaos test
/// asks of their shared state. The first reactor migrates the database before the others start; then the test database
/// records every committed reaction (<see cref="CommittedReactions"/>).
/// </summary>
internal sealed class ScaleCluster : IAsyncDisposable
{
    private const string Live = "expires_at > (extract(epoch from now()) * 1000)::bigint";
    private static readonly TimeSpan NoProgress = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);

    private readonly List<TestWorkspace> _workspaces;
    private readonly string _rule;
    private readonly bool _ownsVirtualHost;

    private ScaleCluster(List<TestWorkspace> workspaces, string rule, RabbitVirtualHost virtualHost, bool ownsVirtualHost, TestPostgresDatabase database, int fireIndex)
    {
        _workspaces = workspaces;
        _rule = rule;
        _ownsVirtualHost = ownsVirtualHost;
        VirtualHost = virtualHost;
        Database = database;
        FireIndex = fireIndex;
    }

    public RabbitVirtualHost VirtualHost { get; }

    public TestPostgresDatabase Database { get; }

    public List<CliProcess> Processes { get; } = [];

    public CommittedReactions Reactions { get; private set; } = null!;

    public string EventTag => $"scale/{_workspaces[0].Id}";

    public string FiredTag => $"scaledone/{_workspaces[0].Id}";

    /// <summary>Minions whose ids start with this (and a dash) have their container deaths acted on by <see cref="MinionRule"/>.</summary>
    public string MinionPrefix => $"scale{_workspaces[0].Id}";

    /// <summary>The rule that fires <see cref="FiredTag"/> for each container death a minion of <see cref="MinionPrefix"/> reports.</summary>
    public string MinionRule => $"{_rule}-minions";

    /// <summary>The first reactor's HTTP API, where minions enroll.</summary>
    public string Server => _workspaces[0].Server;

    /// <summary>The index of the rule's <c>event.fire</c> among its actions: 1 behind a webhook, else 0.</summary>
    public int FireIndex { get; }

    /// <summary>
    /// Starts the reactors, each given every node of <paramref name="broker"/> starting from a different one (default: a
    /// virtual host of the cluster's own on the main broker). With <paramref name="webhook"/>, the rule posts each event
    /// there before it fires: a claimed action that takes a while. The database is made on the server at
    /// <paramref name="postgresPort"/> (default the shared one).
    /// </summary>
    public static async Task<ScaleCluster> StartAsync(string rule, IReadOnlyDictionary<string, string> environment, RabbitVirtualHost? broker = null, string? webhook = null, int postgresPort = TestPostgresDatabase.SharedPort)
    {
        var workspaces = Enumerable.Range(0, 3).Select(_ => new TestWorkspace()).ToList();
        var id = workspaces[0].Id;
        var post = webhook is null ? string.Empty : $$$"""
                  - http.post:
                      url: {{{webhook}}}
                      body: { id: "${{ event.id }}" }
            """;
        var cluster = new ScaleCluster(workspaces, rule, broker ?? await RabbitVirtualHost.CreateAsync($"scale-{id}"), broker is null, await TestPostgresDatabase.CreateAsync(id, postgresPort), webhook is null ? 0 : 1);
        try
        {
            workspaces[0].WithRules("scale.yaml", $$$"""
                rules:
                  - name: {{{rule}}}
                    on: {{{cluster.EventTag}}}/*
                    do:
                {{{post}}}
                      - event.fire:
                          tag: {{{cluster.FiredTag}}}
                          data: { n: "${{ event.data.n }}" }
                  - name: {{{cluster.MinionRule}}}
                    on: minion/{{{cluster.MinionPrefix}}}-*/docker/container/die
                    do:
                      - event.fire:
                          tag: {{{cluster.FiredTag}}}
                          data: { container: "${{ event.data.name }}" }
                """);
            cluster.Processes.Add(await cluster.StartReactorAsync(workspaces[0], 0, environment));
            cluster.Reactions = await CommittedReactions.InstallAsync(cluster.Database);
            cluster.Processes.AddRange(await Task.WhenAll(workspaces.Skip(1).Select((w, i) => cluster.StartReactorAsync(w, i + 1, environment))));
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>How many events the rule's claims have completed.</summary>
    public async Task<int> DoneAsync() =>
        int.Parse((await Database.QueryAsync($"SELECT count(*) FROM reactions WHERE rule = '{_rule}' AND action_index = {FireIndex} AND status = 'done'"))[0][0], CultureInfo.InvariantCulture);

    /// <summary>The pids of the reactors that completed at least one claim (a claim's owner is host/pid/random).</summary>
    public async Task<List<int>> ActingReactorsAsync() =>
        [.. (await Database.QueryAsync($"SELECT DISTINCT split_part(owner, '/', 2) FROM reactions WHERE rule = '{_rule}' AND action_index = {FireIndex} AND status = 'done'"))
            .Select(r => int.Parse(r[0], CultureInfo.InvariantCulture))];

    /// <summary>The reactor holding the most of the named leases now.</summary>
    public async Task<CliProcess> SingletonHolderAsync(IEnumerable<string> leases)
    {
        var names = string.Join(',', leases.Select(l => $"'{l}'"));
        var rows = await Database.QueryAsync($"SELECT split_part(holder, '/', 2), count(*) FROM leases WHERE name IN ({names}) AND {Live} GROUP BY 1 ORDER BY 2 DESC");
        var pid = rows.Count > 0 ? int.Parse(rows[0][0], CultureInfo.InvariantCulture) : throw new InvalidOperationException($"nobody holds any of {names}");
        return Processes.Single(r => r.Id == pid);
    }

    /// <summary>The reactor with the most of the rule's claims running now (acting on them).</summary>
    public async Task<CliProcess> BusiestReactorAsync()
    {
        var rows = await Database.QueryAsync($"SELECT split_part(owner, '/', 2), count(*) FROM reactions WHERE rule = '{_rule}' AND status = 'running' GROUP BY 1 ORDER BY 2 DESC");
        var pid = rows.Count > 0 ? int.Parse(rows[0][0], CultureInfo.InvariantCulture) : throw new InvalidOperationException("no reactor has a claim running");
        return Processes.Single(r => r.Id == pid);
    }

    /// <summary>The events of the rule's claims that <paramref name="reactor"/> has running now.</summary>
    public async Task<List<string>> RunningClaimsAsync(CliProcess reactor) =>
        [.. (await Database.QueryAsync($"SELECT event_id FROM reactions WHERE rule = '{_rule}' AND status = 'running' AND split_part(owner, '/', 2) = '{reactor.Id}'")).Select(r => r[0])];

    /// <summary>Of <paramref name="events"/>, those whose every claim of the rule is done by a reactor other than <paramref name="reactor"/>.</summary>
    public async Task<List<string>> DoneByOthersAsync(CliProcess reactor, IEnumerable<string> events)
    {
        var ids = string.Join(',', events.Select(e => $"'{e}'"));
        return [.. (await Database.QueryAsync($"SELECT event_id FROM reactions WHERE rule = '{_rule}' AND event_id IN ({ids}) GROUP BY event_id " +
            $"HAVING bool_and(status = 'done' AND split_part(owner, '/', 2) <> '{reactor.Id}') AND count(*) = {FireIndex + 1}")).Select(r => r[0])];
    }

    /// <summary>The singleton leases (not the liveness lease) a reactor holds now, with their epochs.</summary>
    public async Task<Dictionary<string, long>> LeasesOfAsync(CliProcess reactor) =>
        (await Database.QueryAsync($"SELECT name, epoch FROM leases WHERE split_part(holder, '/', 2) = '{reactor.Id}' AND name NOT LIKE 'reactor/%' AND {Live}"))
            .ToDictionary(r => r[0], r => long.Parse(r[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>Waits until a lease is held, live, by a reactor other than <paramref name="from"/>; its pid and epoch.</summary>
    public async Task<(int Pid, long Epoch)> WaitLeaseMovedAsync(string lease, CliProcess from, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            var rows = await Database.QueryAsync($"SELECT split_part(holder, '/', 2), epoch FROM leases WHERE name = '{lease}' AND split_part(holder, '/', 2) <> '{from.Id}' AND {Live}");
            if (rows.Count == 1)
            {
                return (int.Parse(rows[0][0], CultureInfo.InvariantCulture), long.Parse(rows[0][1], CultureInfo.InvariantCulture));
            }

            Assert.True(DateTime.UtcNow < deadline, $"nobody took lease {lease} over from pid {from.Id} within {within.TotalSeconds} s; leases: {string.Join("; ", (await Database.QueryAsync("SELECT name, holder, epoch, expires_at FROM leases")).Select(r => string.Join(' ', r)))}");
            await Task.Delay(200);
        }
    }

    /// <summary>Polls <paramref name="probe"/> until it finds something; fails after a minute naming <paramref name="what"/>.</summary>
    public async Task<T> WaitForAsync<T>(string what, Func<Task<T?>> probe)
        where T : class
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no {what} within {WaitLimit.TotalSeconds} s: {await DoneAsync()} done, acting: {string.Join(", ", await ActingReactorsAsync())}");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Waits until <paramref name="count"/> events are claimed and none of the rule's claims is left running; each event's
    /// completion time (ms) of its <c>event.fire</c>. Fails when the number done has not grown for 30 s.
    /// </summary>
    public async Task<Dictionary<string, long>> WaitAllDoneAsync(int count)
    {
        var (done, progressed) = (-1, DateTime.UtcNow);
        while (true)
        {
            var claims = await Database.QueryAsync($"SELECT event_id, status, updated_at, action_index FROM reactions WHERE rule = '{_rule}'");
            var finished = claims.Where(r => r[1] == "done").ToList();
            var fired = finished.Where(r => r[3] == FireIndex.ToString(CultureInfo.InvariantCulture)).ToList();
            if (fired.Count >= count && finished.Count == claims.Count)
            {
                return fired.ToDictionary(r => r[0], r => long.Parse(r[2], CultureInfo.InvariantCulture), StringComparer.Ordinal);
            }

            if (finished.Count > done)
            {
                (done, progressed) = (finished.Count, DateTime.UtcNow);
            }

            var running = claims.Where(r => r[1] != "done").Select(r => $"{r[0]} {r[1]}");
            Assert.True(DateTime.UtcNow - progressed < NoProgress, $"stuck at {finished.Count} of {count} done ({claims.Count} claimed) for {NoProgress.TotalSeconds} s; not done: {string.Join(',', running.Take(20))}\n{Tails()}");
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// The container deaths <see cref="MinionRule"/> completed, as (event id, minion, container name) from the journal, once
    /// every minion in <paramref name="minions"/> has one for every container in <paramref name="containers"/> and no claim
    /// of the rule is left running. Fails when that has not happened for 30 s.
    /// </summary>
    public async Task<List<(string Event, string Minion, string Container)>> WaitMinionDeathsDoneAsync(IReadOnlyCollection<string> minions, IReadOnlyCollection<string> containers)
    {
        var (done, progressed) = (-1, DateTime.UtcNow);
        while (true)
        {
            var rows = await Database.QueryAsync($"""
                SELECT r.event_id, r.status, e.minion, e.data::jsonb ->> 'name'
                FROM reactions r LEFT JOIN events e ON e.id = r.event_id WHERE r.rule = '{MinionRule}'
                """);
            var deaths = rows.Where(r => r[1] == "done" && r[2].Length > 0).Select(r => (Event: r[0], Minion: r[2], Container: r[3])).ToList();
            var missing = minions.SelectMany(m => containers.Select(c => (m, c))).Where(p => !deaths.Any(d => d.Minion == p.m && d.Container == p.c)).ToList();
            if (missing.Count == 0 && deaths.Count == rows.Count)
            {
                return deaths;
            }

            if (deaths.Count > done)
            {
                (done, progressed) = (deaths.Count, DateTime.UtcNow);
            }

            Assert.True(DateTime.UtcNow - progressed < NoProgress, $"container deaths stuck at {deaths.Count} done of {rows.Count} claimed for {NoProgress.TotalSeconds} s; missing (minion, container): {string.Join(',', missing.Take(10))}\n{Tails()}");
            await Task.Delay(250);
        }
    }

    /// <summary>The rule's acted audit rows (event id, actions), once at least <paramref name="atLeast"/> are written.</summary>
    public async Task<List<string[]>> WaitAuditedAsync(int atLeast)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var rows = await Database.QueryAsync($"SELECT event_id, actions FROM audit WHERE rule = '{_rule}' AND outcome = 'acted'");
            if (rows.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                Assert.True(rows.Count >= atLeast, $"only {rows.Count} acted evaluations were audited, expected at least {atLeast}");
                return rows;
            }

            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var reactor in Processes)
        {
            await reactor.DisposeAsync();
        }

        await Database.DisposeAsync();
        if (_ownsVirtualHost)
        {
            await VirtualHost.DisposeAsync();
        }

        foreach (var workspace in _workspaces)
        {
            workspace.Dispose();
        }
    }

    // The last lines each reactor wrote, for a failure to show what they were doing.
    private string Tails() => string.Join('\n', Processes.Select(p => $"reactor {p.Id} (exited: {p.HasExited}):\n  {string.Join("\n  ", p.Output.Split('\n').TakeLast(25))}"));

    private async Task<CliProcess> StartReactorAsync(TestWorkspace workspace, int index, IReadOnlyDictionary<string, string> environment)
    {
        var reactor = CliProcess.Start(["reactor", "--rules", _workspaces[0].RulesPath, "--data", workspace.DataPath, "--http", workspace.Server, "--bus", VirtualHost.UrlFrom(index), "--state", Database.Url], environment);
        try
        {
            await Reactors.WaitReadyAsync(reactor, workspace.Server);
        }
        catch
        {
            await reactor.DisposeAsync();
            throw;
        }

        return reactor;
    }
}
