using EventReactor.Messaging;
using EventReactor.Minion;
using Microsoft.Extensions.Hosting;

namespace EventReactor.Hosting;

/// <summary>The minion as a daemon of its own, on whichever host builder runs it.</summary>
public static class MinionDaemon
{
    public const string ServiceName = "eventreactor-minion";

    public static TBuilder AddMinionDaemon<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddEventReactorTelemetry(ServiceName);
        builder.AddMinion();
        builder.AddEventBus();
        return builder;
    }

    /// <summary>On a plain host: no web server, no ASP.NET Core loaded.</summary>
    public static Task<int> RunAsync(DaemonSettings settings, CancellationToken cancellationToken) =>
        DaemonRunner.RunAsync(DaemonConfiguration.CreateBuilder(settings).AddMinionDaemon().Build(), cancellationToken);
}
