using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// The 3-node RabbitMQ cluster of <c>deploy/dev/cluster.sh</c> (nodes <c>rabbit-er1..3@localhost</c>, AMQP ports 5681-5683)
/// and PostgreSQL. When the three nodes do not all run in one cluster, the script starts them (as root; CI runs the tests
/// so) and stops them again at the end; a cluster that ran before is left running. A script that fails fails the tests
/// with the command that fixes it: nothing is skipped.
/// </summary>
public sealed class BrokerClusterFixture : IAsyncLifetime
{
    public static readonly IReadOnlyList<int> Ports = [5681, 5682, 5683];
    private const string Fix = "start it with: sudo deploy/dev/cluster.sh start (after deploy/dev/services.sh)";
    private static readonly TimeSpan ScriptLimit = TimeSpan.FromMinutes(5);

    private bool _startedHere;

    /// <summary>How long starting the cluster took here; zero when it ran already.</summary>
    public TimeSpan StartTook { get; private set; }

    public static string NodeName(int node) => $"rabbit-er{node}@localhost";

    public async Task InitializeAsync()
    {
        if (await RunningNodesAsync() == Ports.Count)
        {
            return;
        }

        var clock = Stopwatch.StartNew();
        await RunAsync("start");
        StartTook = clock.Elapsed;
        _startedHere = true;
        var running = await RunningNodesAsync();
        if (running != Ports.Count)
        {
            throw new InvalidOperationException($"deploy/dev/cluster.sh start ran, but {running} of {Ports.Count} nodes run in one cluster; {Fix}");
        }
    }

    /// <summary>A virtual host of the test's own on the cluster, made (and deleted) through node 3; a test starts again a node it stopped.</summary>
    internal Task<RabbitVirtualHost> CreateVirtualHostAsync(string id) => RabbitVirtualHost.CreateAsync($"eventreactor-it-{id}", NodeName(3), Ports);

    /// <summary>The node leading each quorum queue of <paramref name="virtualHost"/> whose name starts with <paramref name="prefix"/>, as node 3 sees it.</summary>
    public async Task<Dictionary<string, string>> LeadersAsync(string virtualHost, string prefix)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        using var queues = JsonDocument.Parse(await http.GetStringAsync($"http://localhost:{Ports[2] + 10000}/api/queues/{Uri.EscapeDataString(virtualHost)}"));
        return queues.RootElement.EnumerateArray()
            .Where(q => q.GetProperty("name").GetString()!.StartsWith(prefix, StringComparison.Ordinal) && q.TryGetProperty("leader", out _))
            .ToDictionary(q => q.GetProperty("name").GetString()!, q => q.GetProperty("leader").GetString()!, StringComparer.Ordinal);
    }

    public Task StopNodeAsync(int node) => RunAsync("stop-node", node.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public Task StartNodeAsync(int node) => RunAsync("start-node", node.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public async Task DisposeAsync()
    {
        if (_startedHere)
        {
            await RunAsync("stop");
        }
    }

    // The nodes running in one cluster, as the management API of the first node that answers sees them.
    private static async Task<int> RunningNodesAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        foreach (var port in Ports)
        {
            try
            {
                using var nodes = JsonDocument.Parse(await http.GetStringAsync($"http://localhost:{port + 10000}/api/nodes"));
                return nodes.RootElement.EnumerateArray().Count(n =>
                    n.GetProperty("running").GetBoolean() && Enumerable.Range(1, Ports.Count).Any(i => n.GetProperty("name").GetString() == NodeName(i)));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
            {
                // This node is not up; ask the next.
            }
        }

        return 0;
    }

    private static async Task RunAsync(params string[] arguments)
    {
        var script = Path.Combine(RepoPaths.Root, "deploy", "dev", "cluster.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not run {script}; {Fix}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(ScriptLimit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"'deploy/dev/cluster.sh {string.Join(' ', arguments)}' did not finish within {ScriptLimit.TotalMinutes} min; {Fix}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'deploy/dev/cluster.sh {string.Join(' ', arguments)}' failed ({process.ExitCode}); {Fix}:\n{await stdout}{await stderr}");
        }
    }
}
