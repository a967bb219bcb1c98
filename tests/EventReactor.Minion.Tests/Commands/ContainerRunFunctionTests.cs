using System.Text.Json;
using EventReactor.Minion.Commands;
using EventReactor.Minion.Commands.Functions;
using EventReactor.Minion.Docker;
using EventReactor.Minion.Metrics;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Tests.Commands;

public sealed class ContainerRunFunctionTests
{
    // The engine answers a wait at once, exit code 0, for a container that has not started yet; asked before the start,
    // `wait` returned in milliseconds and the removal after it killed the container under its sampler (issue #6).
    [Fact]
    public async Task ExecuteAsync_Wait_AsksTheEngineToWaitOnlyOnceTheStartAnswered()
    {
        await using var engine = await FakeDockerEngine.StartAsync(exitCode: 7, startTakes: TimeSpan.FromMilliseconds(300));
        var function = Function(engine.Endpoint);
        var arguments = new FunctionArguments("container.run", JsonDocument.Parse("""{"image": "eventreactor/busybox:latest", "wait": true, "autoRemove": true}""").RootElement);

        var result = await function.ExecuteAsync(arguments, new CommandContext("j1", "m1"), CancellationToken.None);

        var calls = engine.Calls.ToList();
        Assert.True(calls.IndexOf("started") < calls.IndexOf("POST wait"), string.Join(", ", calls));
        Assert.Equal(7, result.RetCode);
        Assert.Contains("DELETE abc123", calls);
    }

    private static ContainerRunFunction Function(string endpoint)
    {
        var minion = Options.Create(new MinionOptions { Id = "m1", Docker = endpoint });
        var policy = new MinionPolicy();
        new PolicyDefaults().PostConfigure(null, policy);
        var docker = new DockerClientFactory(minion);
        return new ContainerRunFunction(docker, new PolicyChecker(Options.Create(policy)), new MetricsSampler(docker, new RecordingEventPublisher(), minion, TimeProvider.System));
    }
}
