using System.CommandLine;
using EventReactor.Hosting;

namespace EventReactor.Minion.Host;

/// <summary>
/// <c>eventreactor-minion [minion] OPTIONS</c>: the options of <c>eventreactor minion</c> (but <c>--health</c>, which needs the
/// web host). The word <c>minion</c> is also taken, so that a unit or script written for <c>eventreactor minion</c> runs it unchanged.
/// </summary>
internal static class MinionRootCommand
{
    public const string Executable = "eventreactor-minion";

    public static RootCommand Create()
    {
        var root = new RootCommand("The EventReactor minion agent alone: publish this host's Docker events, inventory and heartbeats through its outbox; run commands");
        Configure(root);
        var minion = new Command("minion", "The same as without this word, as 'eventreactor minion' reads");
        Configure(minion);
        root.Subcommands.Add(minion);
        return root;
    }

    private static void Configure(Command command)
    {
        var options = new MinionCommandOptions();
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) => MinionDaemon.RunAsync(options.ToSettings(parse), cancellationToken));
    }
}
