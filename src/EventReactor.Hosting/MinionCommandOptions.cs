using System.CommandLine;

namespace EventReactor.Hosting;

/// <summary>The minion's options and the settings they stand for: <c>eventreactor minion</c> and <c>eventreactor-minion</c> read them the same way.</summary>
public sealed class MinionCommandOptions
{
    public Option<string?> Id { get; } = new("--id") { Description = "Minion id (default: the host name)" };

    public Option<string?> Bus { get; } = BusOption.Create(BusOption.DefaultRabbitMq);

    public Option<string?> Docker { get; } = new("--docker") { Description = "Docker engine endpoint (default: DOCKER_HOST, then unix:///var/run/docker.sock)" };

    public Option<string?> Data { get; } = new("--data") { Description = "Folder for the outbox and container states (default: .eventreactor/minion-<id>)" };

    public Option<string?> Heartbeat { get; } = new("--heartbeat") { Description = "Heartbeat interval as hh:mm:ss (default: 00:00:10)" };

    public Option<string?> Policy { get; } = new("--policy") { Description = "YAML or JSON file with the command policy (Minion:Policy)" };

    public Option<string?> Reactor { get; } = new("--reactor") { Description = "The reactor's HTTP API, where the minion enrolls its key (Minion:Reactor)" };

    public Option<string?> EnrollmentToken { get; } = new("--enrollment-token-file") { Description = "File holding a single-use enrollment token: the key is accepted at once (Minion:EnrollmentTokenFile)" };

    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[Id, Bus, Docker, Data, Heartbeat, Policy, Reactor, EnrollmentToken])
        {
            command.Options.Add(option);
        }
    }

    public DaemonSettings ToSettings(ParseResult parse) => new DaemonSettings()
        .Set("Minion:Id", parse.GetValue(Id))
        .Set("Minion:Docker", parse.GetValue(Docker))
        .Set("Minion:DataPath", parse.GetValue(Data))
        .Set("Minion:HeartbeatInterval", parse.GetValue(Heartbeat))
        .Set("Minion:PolicyFile", parse.GetValue(Policy))
        .Set("Minion:Reactor", parse.GetValue(Reactor))
        .Set("Minion:EnrollmentTokenFile", parse.GetValue(EnrollmentToken))
        .Set("Bus:Url", parse.GetValue(Bus));
}
