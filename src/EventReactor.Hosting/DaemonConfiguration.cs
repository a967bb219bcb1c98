using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventReactor.Hosting;

/// <summary>One configuration order for every daemon: config/eventreactor.json, EVENTREACTOR__ variables, command line; and one log format.</summary>
public static class DaemonConfiguration
{
    /// <summary>
    /// A plain (not web) host with the daemons' configuration and logging, and nothing else: the default builder's user
    /// secrets, appsettings.json and its file watcher, and the Debug, EventSource and EventLog loggers are never loaded
    /// (the minion's footprint, docs/performance.md "Minion footprint"). What the default builder gave that the daemons use
    /// is added back: every environment variable below the documented sources (the <c>OTEL_*</c> ones reach OpenTelemetry
    /// through it), and the <c>Logging</c> section's levels.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(DaemonSettings settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.Configuration.AddEnvironmentVariables();
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
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
}
