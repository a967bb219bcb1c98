using EventReactor.Messaging;
using EventReactor.Minion;
using EventReactor.Reactor;

namespace EventReactor.Cli.Hosting;

/// <summary>Runs a reactor, with or without a minion in the same process.</summary>
internal static class ReactorHost
{
    public static async Task<int> RunAsync(DaemonSettings settings, string serviceName, bool withMinion, CancellationToken cancellationToken)
    {
        var builder = DaemonHost.CreateWebBuilder(settings);
        builder.AddEventReactorTelemetry(serviceName);
        builder.AddReactor();
        if (withMinion)
        {
            builder.AddMinion();
        }

        builder.AddEventBus();
        var app = builder.Build();
        app.MapReactor();
        return await DaemonHost.RunAsync(app, cancellationToken);
    }
}
