using EventReactor.Messaging;
using EventReactor.Reactor;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace EventReactor.EndToEnd;

/// <summary>The real reactor (<c>AddReactor</c> + <c>AddEventBus</c>) on the benchmark's virtual host, rules and data in a temp folder.</summary>
internal static class ReactorUnderTest
{
    public static async Task<WebApplication> StartAsync(BenchSettings settings, string folder, IReactionObserver observer, bool chained = false)
    {
        var rules = Path.Combine(folder, "rules");
        RuleFile.Write(rules, settings.Rules, chained);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Url"] = settings.BusUrl,
            ["Reactor:RulesPath"] = rules,
            ["Reactor:DataPath"] = Path.Combine(folder, "data"),
            ["Reactor:Http"] = "http://127.0.0.1:0",

            // The simulated minions enroll with fresh keys and are trusted at once, as up's own minion is.
            ["Reactor:Keys:AutoAccept"] = "true",
        });
        builder.Configuration.AddEnvironmentVariables("EVENTREACTOR__");

        // Information logs one line per action; a production reactor logs them, but the console would be the bottleneck here.
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.AddReactor();
        builder.AddEventBus();
        CountingPublisher.Decorate(builder.Services, observer);
        var app = builder.Build();
        app.MapReactor();
        await app.StartAsync();
        return app;
    }
}
