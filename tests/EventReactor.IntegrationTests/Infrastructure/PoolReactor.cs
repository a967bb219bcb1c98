using System.Net.Http.Json;
using System.Text.Json;

namespace EventReactor.IntegrationTests.Infrastructure;

/// <summary>
/// A reactor over its own RabbitMQ virtual host with a pools file, for pool tests. Disposing it stops every minion its
/// process provider started (they run detached, so they would outlive the test otherwise).
/// </summary>
internal sealed class PoolReactor : IAsyncDisposable
{
    private readonly TestWorkspace _workspace;
    private readonly RabbitVirtualHost _vhost;
    private readonly HttpClient _http;

    private PoolReactor(TestWorkspace workspace, RabbitVirtualHost vhost, CliProcess reactor)
    {
        _workspace = workspace;
        _vhost = vhost;
        Reactor = reactor;
        _http = new HttpClient { BaseAddress = new Uri(workspace.Server) };
    }

    public CliProcess Reactor { get; private set; }

    public string BusUrl => _vhost.Url;

    public string PoolsFile => Path.Combine(_workspace.DataPath, "..", "pools.yaml");

    public HttpClient Http => _http;

    public static async Task<PoolReactor> StartAsync(TestWorkspace workspace, string poolsYaml)
    {
        File.WriteAllText(Path.Combine(workspace.DataPath, "..", "pools.yaml"), poolsYaml);
        var vhost = await RabbitVirtualHost.CreateAsync(workspace.Id);
        var reactor = await StartReactorAsync(workspace, vhost);
        return new PoolReactor(workspace, vhost, reactor);
    }

    /// <summary>SIGKILLs the reactor and starts it again on the same data folder.</summary>
    public async Task CrashAndRestartAsync()
    {
        Reactor.Crash();
        await Reactor.WaitForExitAsync(TimeSpan.FromSeconds(10));
        await Reactor.DisposeAsync();
        Reactor = await StartReactorAsync(_workspace, _vhost);
    }

    public async Task<CliProcess> RunCliAsync(params string[] arguments)
    {
        var cli = CliProcess.Start([.. arguments, "--server", _workspace.Server]);
        await cli.WaitForExitAsync(TimeSpan.FromSeconds(90));
        return cli;
    }

    public async Task<JsonElement> GetAsync(string path) => await _http.GetFromJsonAsync<JsonElement>(path);

    /// <summary>Polls until the condition holds, failing with what it last saw.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = await read();
        while (!condition(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} not within {timeout.TotalSeconds}s; last: {last}");
            }

            await Task.Delay(200);
            last = await read();
        }

        return last;
    }

    /// <summary>The processes of one provisioned minion of this test (ids repeat across tests; the vhost does not).</summary>
    public IReadOnlyList<int> MinionPids(string id) => Signals.FindMinions("--id", id).Intersect(Signals.FindMinions("--bus", _vhost.Url)).ToList();

    public async ValueTask DisposeAsync()
    {
        // The reactor first: a running reconciler would provision a replacement for each minion killed below.
        await Reactor.DisposeAsync();
        foreach (var pid in Signals.FindMinions("--bus", _vhost.Url))
        {
            Signals.Send(pid, "KILL");
        }

        _http.Dispose();
        await _vhost.DisposeAsync();
    }

    private static async Task<CliProcess> StartReactorAsync(TestWorkspace workspace, RabbitVirtualHost vhost)
    {
        var reactor = CliProcess.Start(["reactor", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--pools", Path.Combine(workspace.DataPath, "..", "pools.yaml"), "--http", workspace.Server, "--bus", vhost.Url]);
        await Reactors.WaitHealthyAsync(reactor, workspace.Server);
        return reactor;
    }
}
