using System.CommandLine;
using System.Runtime.CompilerServices;
using EventReactor.Cli.Hosting;
using EventReactor.Messaging;
using EventReactor.Minion;
using EventReactor.Reactor.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

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

    private static TBuilder AddMinionParts<TBuilder>(TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.AddEventReactorTelemetry("eventreactor-minion");
        builder.AddMinion();
        builder.AddEventBus();
        return builder;
    }

    public static Command CreateMinion()
    {
        var id = new Option<string?>("--id") { Description = "Minion id (default: the host name)" };
        var bus = CommonOptions.Bus(CommonOptions.DefaultRabbitMq);
        var docker = new Option<string?>("--docker") { Description = "Docker engine endpoint (default: DOCKER_HOST, then unix:///var/run/docker.sock)" };
        var data = new Option<string?>("--data") { Description = "Folder for the outbox and container states (default: .eventreactor/minion-<id>)" };
        var heartbeat = new Option<string?>("--heartbeat") { Description = "Heartbeat interval as hh:mm:ss (default: 00:00:10)" };
        var policy = new Option<string?>("--policy") { Description = "YAML or JSON file with the command policy (Minion:Policy)" };
        var health = new Option<string?>("--health") { Description = "Serve /healthz and /readyz on this address, e.g. http://127.0.0.1:7071" };
        var reactor = new Option<string?>("--reactor") { Description = "The reactor's HTTP API, where the minion enrolls its key (Minion:Reactor)" };
        var token = new Option<string?>("--enrollment-token-file") { Description = "File holding a single-use enrollment token: the key is accepted at once (Minion:EnrollmentTokenFile)" };
        var command = new Command("minion", "Run the minion agent: publish this host's Docker events, inventory and heartbeats through its outbox; run commands")
        {
            id, bus, docker, data, heartbeat, policy, health, reactor, token,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new DaemonSettings()
                .Set("Minion:Id", parse.GetValue(id))
                .Set("Minion:Docker", parse.GetValue(docker))
                .Set("Minion:DataPath", parse.GetValue(data))
                .Set("Minion:HeartbeatInterval", parse.GetValue(heartbeat))
                .Set("Minion:PolicyFile", parse.GetValue(policy))
                .Set("Minion:Reactor", parse.GetValue(reactor))
                .Set("Minion:EnrollmentTokenFile", parse.GetValue(token))
                .Set("Bus:Url", parse.GetValue(bus));
            return parse.GetValue(health) is { } healthUrl
                ? await RunMinionWithHealthAsync(settings, healthUrl, cancellationToken)
                : await DaemonHost.RunAsync(AddMinionParts(DaemonHost.CreateBuilder(settings)).Build(), cancellationToken);
        });
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
        var app = AddMinionParts(web).Build();
        app.MapHealthEndpoints();
        return await DaemonHost.RunAsync(app, cancellationToken);
    }
}
