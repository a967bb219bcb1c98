using EventReactor.Messaging;
using EventReactor.Reactor.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventReactor.Reactor.Tests.Outbox;

/// <summary>The whole reactor on the in-memory bus over a folder that outlives it, so that a test can stop, kill and start it again.</summary>
internal sealed class InMemoryReactor : IAsyncDisposable
{
    private InMemoryReactor(WebApplication app)
    {
        App = app;
    }

    public WebApplication App { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>
    /// Builds the reactor with <paramref name="rules"/> as its only rule file, its state in the folder or in the PostgreSQL
    /// database <paramref name="state"/> names; nothing runs until <see cref="WebApplication.StartAsync"/>.
    /// </summary>
    public static InMemoryReactor Build(string folder, string rules, int maxDepth = 8, string? state = null)
    {
        var rulesPath = Directory.CreateDirectory(Path.Combine(folder, "rules")).FullName;
        File.WriteAllText(Path.Combine(rulesPath, "rules.yaml"), rules);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Reactor:RulesPath"] = rulesPath,
            ["Reactor:DataPath"] = Path.Combine(folder, "data"),
            ["Reactor:Http"] = "http://127.0.0.1:0",
            ["Reactor:PoolsFile"] = Path.Combine(folder, "no-pools.yaml"),
            ["Reactor:MaxDepth"] = maxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Bus:Url"] = "memory://",
            ["Reactor:State"] = state,
        });
        builder.AddEventBus();
        builder.AddReactor();
        var app = builder.Build();
        app.MapReactor();
        return new InMemoryReactor(app);
    }

    /// <summary>Brings the state file to its schema without starting anything, as the host's start would.</summary>
    public void MigrateOnly() => Services.GetRequiredService<ReactorDatabase>().Migrate(TimeProvider.System);

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
