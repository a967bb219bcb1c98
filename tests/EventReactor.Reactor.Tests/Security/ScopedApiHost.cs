using EventReactor.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventReactor.Reactor.Tests.Security;

/// <summary>
/// A whole reactor (in-memory bus, Kestrel on a free loopback port) with one token per scope, one for simulated
/// minions and one old-style <c>Reactor:ApiToken</c>; or with no token at all.
/// </summary>
public sealed class ScopedApiHost : IAsyncLifetime
{
    public const string Reader = "reader-secret-0001";
    public const string Publisher = "publisher-secret-0002";
    public const string Commander = "commander-secret-0003";
    public const string Admin = "admin-secret-0004";
    public const string Simulator = "simulator-secret-0005";
    public const string Legacy = "legacy-secret-0006";

    private readonly string _folder = Directory.CreateTempSubdirectory("eventreactor-scopes-").FullName;
    private WebApplication? _app;

    /// <summary>The tokens that hold exactly one scope, with its name.</summary>
    public static IReadOnlyList<(string Secret, string Scope)> SingleScopeTokens { get; } =
        [(Reader, "read"), (Publisher, "events:publish"), (Commander, "commands"), (Admin, "admin")];

    public bool WithTokens { get; init; } = true;

    /// <summary>Settings over the defaults, such as an https address and its certificate.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public WebApplication App => _app ?? throw new InvalidOperationException("the host has not started");

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public async Task InitializeAsync()
    {
        var rules = Directory.CreateDirectory(Path.Combine(_folder, "rules")).FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        var settings = new Dictionary<string, string?>
        {
            ["Reactor:RulesPath"] = rules,
            ["Reactor:DataPath"] = Path.Combine(_folder, "data"),
            ["Reactor:Http"] = "http://127.0.0.1:0",
            ["Reactor:PoolsFile"] = Path.Combine(_folder, "no-pools.yaml"),
            ["Bus:Url"] = "memory://",
        };
        if (WithTokens)
        {
            Token(settings, 0, "reader", Reader, ["read"]);
            Token(settings, 1, "publisher", Publisher, ["events:publish"], ["ci/*", "build/*"]);
            Token(settings, 2, "commander", Commander, ["commands"]);
            Token(settings, 3, "admin", Admin, ["admin"]);
            Token(settings, 4, "simulator", Simulator, ["events:publish"], ["minion/sim-*"]);
            settings["Reactor:ApiToken"] = Legacy;
        }

        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddEventBus();
        builder.AddReactor();
        _app = builder.Build();
        _app.MapReactor();
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public HttpClient Client(string? authorization = null, HttpClientHandler? handler = null)
    {
        handler ??= new HttpClientHandler();
        handler.AllowAutoRedirect = false;
        var client = new HttpClient(handler) { BaseAddress = BaseAddress };
        if (authorization is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static void Token(Dictionary<string, string?> settings, int index, string name, string secret, string[] scopes, string[]? publish = null)
    {
        var key = $"Reactor:Api:Tokens:{index}";
        settings[$"{key}:Name"] = name;
        settings[$"{key}:Secret"] = secret;
        for (var i = 0; i < scopes.Length; i++)
        {
            settings[$"{key}:Scopes:{i}"] = scopes[i];
        }

        for (var i = 0; i < (publish ?? []).Length; i++)
        {
            settings[$"{key}:Publish:{i}"] = publish![i];
        }
    }
}
