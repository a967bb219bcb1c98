using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventReactor.Hosting;

/// <summary>One configuration order for every daemon: config/eventreactor.json, EVENTREACTOR__ variables, command line; and one log format.</summary>
public static class DaemonConfiguration
{
    public const string ReloadConfigOnChangeKey = "hostBuilder:reloadConfigOnChange";

    /// <summary>A plain (not web) host with the daemons' configuration and logging.</summary>
    public static HostApplicationBuilder CreateBuilder(DaemonSettings settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], Configuration = WithoutReloadWatcher() });
        Apply(builder.Configuration, builder.Logging, settings);
        return builder;
    }

    public static void Apply(IConfigurationManager configuration, ILoggingBuilder logging, DaemonSettings settings)
    {
        configuration.AddJsonFile(Path.Combine("config", "eventreactor.json"), optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables("EVENTREACTOR__");
        configuration.AddInMemoryCollection(settings.Values);
        logging.ClearProviders();
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
        });
        logging.AddFilter("MassTransit", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);

        // Start-up failures are reported once, readably, by DaemonRunner; the host would repeat them with a stack trace.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
    }

    /// <summary>
    /// The host's defaults would watch the whole working folder, recursively, for a changed appsettings.json that
    /// EventReactor never reads; a minion whose data folder lies below it then wakes on every write of its outbox
    /// (docs/performance.md, "Minion footprint").
    /// </summary>
    private static ConfigurationManager WithoutReloadWatcher()
    {
        var configuration = new ConfigurationManager();
        configuration[ReloadConfigOnChangeKey] = "false";
        return configuration;
    }
}
