using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EventReactor.Hosting;

/// <summary>Runs a built daemon until it is stopped; an invalid configuration or a taken address becomes one clear message and exit code 1.</summary>
public static class DaemonRunner
{
    public static async Task<int> RunAsync(IHost host, CancellationToken cancellationToken)
    {
        try
        {
            await host.RunAsync(cancellationToken);

            // A part may stop the host asking to be started again (a minion given its broker account).
            return Environment.ExitCode != 0 ? Environment.ExitCode : ExitCodes.Ok;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync("eventreactor: the configuration is invalid; not starting:");
            foreach (var failure in ex.Failures)
            {
                await Console.Error.WriteLineAsync($"  {failure}");
            }

            return ExitCodes.Failure;
        }
        catch (IOException ex) when (ex.Message.Contains("address", StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"eventreactor: cannot listen: {ex.Message}");
            return ExitCodes.Failure;
        }
    }
}
