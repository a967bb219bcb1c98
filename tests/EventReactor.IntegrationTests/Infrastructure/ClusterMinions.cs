namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// Three <c>eventreactor minion</c> processes on the shared Docker engine, each given every node of a cluster's virtual
/// host starting from a different one, enrolled with a token and accepted before they are returned.
/// </summary>
internal sealed class ClusterMinions : IAsyncDisposable
{
    private readonly List<TestWorkspace> _workspaces = [];

    public List<CliProcess> Processes { get; } = [];

    public List<string> Ids { get; } = [];

    public static async Task<ClusterMinions> StartAsync(string prefix, RabbitVirtualHost broker, string reactor)
    {
        var minions = new ClusterMinions();
        try
        {
            for (var node = 0; node < broker.Ports.Count; node++)
            {
                var workspace = new TestWorkspace();
                minions._workspaces.Add(workspace);
                var id = $"{prefix}-{node}";

                // Short backoff caps keep the reconnect to the next node within the test's time.
                var environment = await Enrollment.EnvironmentAsync(reactor, new Dictionary<string, string>
                {
                    ["EVENTREACTOR__Minion__ReconnectMaxDelay"] = "00:00:01",
                    ["EVENTREACTOR__Minion__Outbox__RetryMaxDelay"] = "00:00:01",
                });
                var minion = CliProcess.Start(["minion", "--id", id, "--bus", broker.UrlFrom(node), "--docker", "unix:///var/run/docker.sock", "--data", workspace.DataPath], environment);
                minions.Processes.Add(minion);
                minions.Ids.Add(id);
                await Enrollment.WaitAcceptedAsync(minion);
                await minion.WaitForLineAsync(l => l.Contains("Watching Docker engine", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the minion watching Docker");
            }

            return minions;
        }
        catch
        {
            await minions.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var minion in Processes)
        {
            await minion.DisposeAsync();
        }

        foreach (var workspace in _workspaces)
        {
            workspace.Dispose();
        }
    }
}
