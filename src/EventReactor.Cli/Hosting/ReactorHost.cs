using EventReactor.Hosting;
using EventReactor.Messaging;
using EventReactor.Minion;
using EventReactor.Reactor;
using EventReactor.Reactor.Keys;
using Microsoft.Extensions.Configuration;

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
            // up trusts its own local minion (docs/security.md): it enrolls over loopback and is accepted at once.
            builder.Configuration[$"{KeyOptions.Section}:{nameof(KeyOptions.AutoAccept)}"] = "true";
            builder.Configuration[$"{MinionOptions.Section}:{nameof(MinionOptions.Reactor)}"] ??=
                (builder.Configuration.GetSection(ReactorOptions.Section).Get<ReactorOptions>() ?? new ReactorOptions()).LocalApiUrl();
            builder.AddMinion();
        }

        builder.AddEventBus();
        var app = builder.Build();
        app.MapReactor();
        return await DaemonHost.RunAsync(app, cancellationToken);
    }
}
