using System.CommandLine;
using EventReactor.Cli.Hosting;
using EventReactor.Messaging;
using EventReactor.Minion;
using EventReactor.Reactor;

namespace EventReactor.Cli.Commands;

/// <summary><c>eventreactor up</c>: reactor and a local minion in one process, on the embedded defaults.</summary>
internal static class UpCommand
{
    public static Command Create()
    {
        var rules = CommonOptions.Rules();
        var data = CommonOptions.Data();
        var pools = CommonOptions.Pools();
        var bus = CommonOptions.Bus("memory://, in this process");
        var http = CommonOptions.Http();
        var command = new Command("up", "Run the reactor and a local minion in one process (in-memory bus unless --bus is given)")
        {
            rules, data, pools, bus, http,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new DaemonSettings()
                .Set("Reactor:RulesPath", parse.GetValue(rules))
                .Set("Reactor:DataPath", parse.GetValue(data))
                .Set("Minion:DataPath", parse.GetValue(data) is { } folder ? Path.Combine(folder, "minion") : null)
                .Set("Reactor:PoolsFile", parse.GetValue(pools))
                .Set("Reactor:Http", parse.GetValue(http))
                .Set("Bus:Url", parse.GetValue(bus) ?? "memory://");
            var builder = DaemonHost.CreateWebBuilder(settings);
            builder.AddEventReactorTelemetry("eventreactor");
            builder.AddReactor();
            builder.AddMinion();
            builder.AddEventBus();
            var app = builder.Build();
            app.MapReactor();
            return await DaemonHost.RunAsync(app, cancellationToken);
        });
        return command;
    }
}
