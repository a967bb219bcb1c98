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
    private readonly ReactorSettings _settings;

    private PoolReactor(TestWorkspace workspace, RabbitVirtualHost vhost, CliProcess reactor, ReactorSettings settings)
    {
        _workspace = workspace;
        _vhost = vhost;
        _settings = settings;
        Reactor = reactor;
        _http = new HttpClient { BaseAddress = new Uri(settings.Server) };
        if (settings.Environment.TryGetValue("EVENTREACTOR_API_TOKEN", out var token))
        {
            _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }
    }

    public CliProcess Reactor { get; private set; }

    public string BusUrl => _vhost.Url;

    public string PoolsFile => Path.Combine(_workspace.DataPath, "..", "pools.yaml");

    public HttpClient Http => _http;

    public string Server => _settings.Server;

    public string VirtualHost => _vhost.Name;

    public static Task<PoolReactor> StartAsync(TestWorkspace workspace, string poolsYaml) =>
        StartAsync(workspace, poolsYaml, _ => new ReactorSettings(workspace.Server, new Dictionary<string, string>()));

    /// <summary>With settings made once the virtual host exists: another API address (with a token), extra environment.</summary>
    public static async Task<PoolReactor> StartAsync(TestWorkspace workspace, string poolsYaml, Func<RabbitVirtualHost, ReactorSettings> settings)
    {
        File.WriteAllText(Path.Combine(workspace.DataPath, "..", "pools.yaml"), poolsYaml);
        var vhost = await RabbitVirtualHost.CreateAsync(workspace.Id);
        var chosen = settings(vhost);
        var reactor = await StartReactorAsync(workspace, vhost, chosen);
        return new PoolReactor(workspace, vhost, reactor, chosen);
    }

    /// <summary>SIGKILLs the reactor and starts it again on the same data folder, doing <paramref name="whileDown"/> in between.</summary>
    public async Task CrashAndRestartAsync(Action? whileDown = null)
    {
        Reactor.Crash();
        await Reactor.WaitForExitAsync(TimeSpan.FromSeconds(10));
        await Reactor.DisposeAsync();
        whileDown?.Invoke();
        Reactor = await StartReactorAsync(_workspace, _vhost, _settings);
    }

    public Task<CliProcess> RunCliAsync(params string[] arguments) => RunCliAsync(TimeSpan.FromSeconds(90), arguments);

    /// <summary>Runs a command, waiting up to <paramref name="timeout"/> (longer than any <c>--timeout</c> it is given).</summary>
    public async Task<CliProcess> RunCliAsync(TimeSpan timeout, params string[] arguments)
    {
        var cli = CliProcess.Start([.. arguments, "--server", _settings.Server], _settings.Environment);
        await cli.WaitForExitAsync(timeout);
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

    private static async Task<CliProcess> StartReactorAsync(TestWorkspace workspace, RabbitVirtualHost vhost, ReactorSettings settings)
    {
        var reactor = CliProcess.Start(["reactor", "--rules", workspace.RulesPath, "--data", workspace.DataPath, "--pools", Path.Combine(workspace.DataPath, "..", "pools.yaml"), "--http", settings.Server, "--bus", vhost.Url], settings.Environment);
        await Reactors.WaitHealthyAsync(reactor, settings.Server);
        return reactor;
    }
}
