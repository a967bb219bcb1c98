using System.CommandLine;
using EventReactor.Cli.Commands;
using EventReactor.Hosting;

namespace EventReactor.Cli;

/// <summary>The <c>eventreactor</c> command line. Exit codes: 0 ok, 1 failure, 2 usage.</summary>
internal static class CliApplication
{
    public const int Ok = ExitCodes.Ok;
    public const int Failure = ExitCodes.Failure;
    public const int Usage = ExitCodes.Usage;

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
        return await CommandLineRunner.RunAsync(root, "eventreactor", args);
    }
}
