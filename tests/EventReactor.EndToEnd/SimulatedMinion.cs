using EventReactor.Contracts;
using EventReactor.Messaging;
using EventReactor.Minion;
using EventReactor.Minion.Outbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventReactor.EndToEnd;

/// <summary>
/// One minion's real publishing path in its own host: the SQLite outbox, its drainer and its own bus connection,
/// without the Docker watcher (the benchmark plays the engine's events).
/// </summary>
internal sealed class SimulatedMinion(string id, IHost host, IMinionOutbox outbox) : IAsyncDisposable
{
    public string Id { get; } = id;

    /// <summary>Events stored and not yet confirmed by the broker.</summary>
    public long OutboxDepth => host.Services.GetRequiredService<OutboxStore>().Count;

    /// <summary>Starts the minion; <paramref name="confirms"/>, where given, learns of each event its broker confirmed.</summary>
    public static async Task<SimulatedMinion> StartAsync(BenchSettings settings, string id, string dataPath, IReactionObserver? confirms = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Url"] = settings.BusUrl,
            ["Minion:Id"] = id,
            ["Minion:DataPath"] = dataPath,
        });
        builder.Configuration.AddEnvironmentVariables("EVENTREACTOR__");
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.AddMinionOutbox();
        builder.AddEventBus();
        if (confirms is not null)
        {
            CountingPublisher.Decorate(builder.Services, confirms);
        }

        var host = builder.Build();
        await host.StartAsync();
        return new SimulatedMinion(id, host, host.Services.GetRequiredService<IMinionOutbox>());
    }

    /// <summary>Stores the event in the outbox, as the Docker watcher does; the drainer publishes it.</summary>
    public Task PublishAsync(EventEnvelope envelope) => outbox.AppendAsync(envelope, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
