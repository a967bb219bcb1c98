using System.CommandLine;
using EventReactor.Cli.Hosting;

namespace EventReactor.Cli.Commands;

/// <summary><c>eventreactor up</c>: reactor and a local minion in one process, on the embedded defaults.</summary>
internal static class UpCommand
{
    public static Command Create()
    {
        var options = new ReactorCommandOptions("memory://, in this process");
        var command = new Command("up", "Run the reactor and a local minion in one process (in-memory bus unless --bus is given)");
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var settings = options.ToSettings(parse, busFallback: "memory://")
                .Set("Minion:DataPath", parse.GetValue(options.Data) is { } folder ? Path.Combine(folder, "minion") : null);
            return ReactorHost.RunAsync(settings, "eventreactor", withMinion: true, cancellationToken);
        });
        return command;
    }
}
