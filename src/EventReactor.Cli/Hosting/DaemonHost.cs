using EventReactor.Core.Diagnostics;
using EventReactor.Hosting;
using EventReactor.Reactor.Pools;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;

namespace EventReactor.Cli.Hosting;

/// <summary>The web host of the reactor (and of a minion with health endpoints), configured as every daemon is; and its start-up errors.</summary>
internal static class DaemonHost
{
    public static WebApplicationBuilder CreateWebBuilder(DaemonSettings settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        DaemonConfiguration.Apply(builder.Configuration, builder.Logging, settings);
        return builder;
    }

    /// <summary>As <see cref="DaemonRunner.RunAsync"/>, and invalid rules or pools become one clear message and exit code 1.</summary>
    public static async Task<int> RunAsync(IHost host, CancellationToken cancellationToken)
    {
        try
        {
            return await DaemonRunner.RunAsync(host, cancellationToken);
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
    }
}
