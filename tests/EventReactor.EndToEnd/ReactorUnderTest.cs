using EventReactor.Messaging;
using EventReactor.Reactor;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EventReactor.EndToEnd;

/// <summary>The real reactor (<c>AddReactor</c> + <c>AddEventBus</c>) on the benchmark's virtual host, rules and data in a temp folder.</summary>
internal static class ReactorUnderTest
{
    public static async Task<WebApplication> StartAsync(BenchSettings settings, string folder, FiredCounter counter)
    {
        var rules = Path.Combine(folder, "rules");
        RuleFile.Write(rules, settings.Rules);
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
        CountFired(builder.Services, counter);
        var app = builder.Build();
        app.MapReactor();
        await app.StartAsync();
        return app;
    }

    // The reactor's own publisher (the bus one) is wrapped; it is internal to Messaging, so it is built from its descriptor.
    private static void CountFired(IServiceCollection services, FiredCounter counter)
    {
        var bus = services.Last(descriptor => descriptor.ServiceType == typeof(IEventPublisher) && !descriptor.IsKeyedService);
        services.Remove(bus);
        services.AddSingleton<IEventPublisher>(provider => new CountingPublisher(
            (IEventPublisher)ActivatorUtilities.CreateInstance(provider, bus.ImplementationType!),
            counter));
    }
}
