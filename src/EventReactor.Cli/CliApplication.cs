using System.CommandLine;
using EventReactor.Cli.Commands;

namespace EventReactor.Cli;

/// <summary>The <c>eventreactor</c> command line. Exit codes: 0 ok, 1 failure, 2 usage.</summary>
internal static class CliApplication
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("EventReactor: an event bus and reactor for Docker hosts, after SaltStack's reactor.")
        {
            UpCommand.Create(),
            DaemonCommands.CreateReactor(),
            DaemonCommands.CreateMinion(),
            EventCommands.CreateEvent(),
            EventCommands.CreateEvents(),
            RulesCommands.Create(),
            StateCommands.CreateStatus(),
            StateCommands.CreateMinions(),
            StateCommands.CreateJobs(),
            StateCommands.CreateJob(),
            PoolCommands.Create(),
            KeyCommands.Create(),
            BenchCommands.Create(),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"eventreactor: {error.Message}");
            }

            await Console.Error.WriteLineAsync("Run 'eventreactor --help' for usage.");
            return Usage;
        }

        return await parse.InvokeAsync();
    }
}
