using System.CommandLine;
using System.Runtime.CompilerServices;
using EventReactor.Cli.Hosting;
using EventReactor.Hosting;
using EventReactor.Reactor.Http;
using Microsoft.AspNetCore.Hosting;

namespace EventReactor.Cli.Commands;

/// <summary><c>eventreactor reactor</c> and <c>eventreactor minion</c>: the two daemons as separate processes over RabbitMQ.</summary>
internal static class DaemonCommands
{
    public static Command CreateReactor()
    {
        var options = new ReactorCommandOptions(CommonOptions.DefaultRabbitMq);
        var command = new Command("reactor", "Run the reactor daemon: consume events, match rules, act, serve the HTTP API");
        options.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
            ReactorHost.RunAsync(options.ToSettings(parse), "eventreactor-reactor", withMinion: false, cancellationToken));
        return command;
    }

    public static Command CreateMinion()
    {
        var options = new MinionCommandOptions();
        var health = new Option<string?>("--health") { Description = "Serve /healthz and /readyz on this address, e.g. http://127.0.0.1:7071" };
        var command = new Command("minion", "Run the minion agent: publish this host's Docker events, inventory and heartbeats through its outbox; run commands");
        options.AddTo(command);
        command.Options.Add(health);
        command.SetAction((parse, cancellationToken) => parse.GetValue(health) is { } healthUrl
            ? RunMinionWithHealthAsync(options.ToSettings(parse), healthUrl, cancellationToken)
            : MinionDaemon.RunAsync(options.ToSettings(parse), cancellationToken));
        return command;
    }

    /// <summary>
    /// Asked for health endpoints: the same minion on a web host that serves only them. A method of its own, so that
    /// a minion without them never loads ASP.NET Core (compiling the caller would load what it references).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<int> RunMinionWithHealthAsync(DaemonSettings settings, string healthUrl, CancellationToken cancellationToken)
    {
        var web = DaemonHost.CreateWebBuilder(settings);
        web.WebHost.UseUrls(healthUrl);
        var app = web.AddMinionDaemon().Build();
        app.MapHealthEndpoints();
        return await DaemonHost.RunAsync(app, cancellationToken);
    }
}
