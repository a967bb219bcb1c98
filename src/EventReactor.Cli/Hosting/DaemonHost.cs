using EventReactor.Core.Diagnostics;
using EventReactor.Reactor.Pools;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Cli.Hosting;

/// <summary>Builds and runs the daemons with one configuration order: config/eventreactor.json, EVENTREACTOR__ variables, command line.</summary>
internal static class DaemonHost
{
    internal const string ReloadConfigOnChangeKey = "hostBuilder:reloadConfigOnChange";

    public static WebApplicationBuilder CreateWebBuilder(DaemonSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        Configure(builder.Configuration, builder.Logging, settings);
        return builder;
    }

    public static HostApplicationBuilder CreateBuilder(DaemonSettings settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], Configuration = WithoutReloadWatcher() });
        Configure(builder.Configuration, builder.Logging, settings);
        return builder;
    }

    /// <summary>Runs a built host until it is stopped; start-up problems become one clear message and exit code 1.</summary>
    public static async Task<int> RunAsync(IHost host, CancellationToken cancellationToken)
    {
        try
        {
            await host.RunAsync(cancellationToken);

            // A part may stop the host asking to be started again (a minion given its broker account).
            return Environment.ExitCode != 0 ? Environment.ExitCode : CliApplication.Ok;
        }
        catch (RuleSetInvalidException ex)
        {
            await Console.Error.WriteLineAsync("eventreactor: the rules are invalid; not starting:");
            foreach (var diagnostic in ex.Diagnostics)
            {
                await Console.Error.WriteLineAsync(diagnostic.ToString());
            }

            return CliApplication.Failure;
        }
        catch (PoolsFileInvalidException ex)
        {
            await Console.Error.WriteLineAsync("eventreactor: the pools file is invalid; not starting:");
            foreach (var diagnostic in ex.Diagnostics)
            {
                await Console.Error.WriteLineAsync(diagnostic.ToString());
            }

            return CliApplication.Failure;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("eventreactor: the configuration is invalid; not starting:");
            foreach (var failure in ex.Failures)
            {
                await Console.Error.WriteLineAsync($"  {failure}");
            }

            return CliApplication.Failure;
        }
        catch (IOException ex) when (ex.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"eventreactor: cannot listen: {ex.Message}");
            return CliApplication.Failure;
        }
    }

    /// <summary>
    /// The host's defaults would watch the whole working folder, recursively, for a changed appsettings.json that
    /// EventReactor never reads; a minion whose data folder lies below it then wakes on every write of its outbox
    /// (docs/performance.md, "Minion footprint").
    /// </summary>
    internal static ConfigurationManager WithoutReloadWatcher()
    {
        var configuration = new ConfigurationManager();
        configuration[ReloadConfigOnChangeKey] = "false";
        return configuration;
    }

    private static void Configure(IConfigurationManager configuration, ILoggingBuilder logging, DaemonSettings settings)
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

        // Start-up failures are reported once, readably, by RunAsync; the host would repeat them with a stack trace.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
    }
}
