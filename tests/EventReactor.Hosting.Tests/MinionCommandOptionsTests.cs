using System.CommandLine;

namespace EventReactor.Hosting.Tests;

public sealed class MinionCommandOptionsTests
{
    [Fact]
    public void ToSettings_EveryOption_SetsItsConfigurationKey()
    {
        var options = new MinionCommandOptions();
        var command = new RootCommand();
        options.AddTo(command);

        var parse = command.Parse([
            "--id", "m1", "--bus", "rabbitmq://h/v", "--docker", "unix:///d.sock", "--data", "/var/m", "--heartbeat", "00:00:05",
            "--policy", "p.yaml", "--reactor", "http://r:7070", "--enrollment-token-file", "t.token",
        ]);

        Assert.Empty(parse.Errors);
        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["Minion:Id"] = "m1",
                ["Bus:Url"] = "rabbitmq://h/v",
                ["Minion:Docker"] = "unix:///d.sock",
                ["Minion:DataPath"] = "/var/m",
                ["Minion:HeartbeatInterval"] = "00:00:05",
                ["Minion:PolicyFile"] = "p.yaml",
                ["Minion:Reactor"] = "http://r:7070",
                ["Minion:EnrollmentTokenFile"] = "t.token",
            }.OrderBy(p => p.Key),
            options.ToSettings(parse).Values.OrderBy(p => p.Key));
    }

    [Fact]
    public void ToSettings_NoOptions_SetsNothing()
    {
        var options = new MinionCommandOptions();
        var command = new RootCommand();
        options.AddTo(command);

        Assert.Empty(options.ToSettings(command.Parse([])).Values);
    }
}
