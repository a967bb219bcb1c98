using System.Text.Json;
using EventReactor.Contracts.Tests.Samples;
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

    [Fact]
    public async Task ExecuteAsync_Wait_ReturnsTheRecordedShape()
    {
        await using var engine = await FakeDockerEngine.StartAsync(exitCode: 7, startTakes: TimeSpan.Zero);
        var arguments = new FunctionArguments("container.run", JsonDocument.Parse("""{"image": "eventreactor/busybox:latest", "wait": true}""").RootElement);

        var result = await Function(engine.Endpoint).ExecuteAsync(arguments, new CommandContext("j1", "m1"), CancellationToken.None);

        // Written as the dispatcher writes a return: the same names, in the same order, with the same kinds of value.
        var written = JsonSerializer.SerializeToElement(result.Return);
        var recorded = RecordedSample.Load("job-return-container-run").GetProperty("return");
        Assert.Equal(recorded.EnumerateObject().Select(p => p.Name), written.EnumerateObject().Select(p => p.Name));
        Assert.Equal(7, written.GetProperty("exitCode").GetInt32());
        Assert.Equal(JsonValueKind.False, written.GetProperty("timedOut").ValueKind);
        Assert.Contains(written.GetProperty("oomKilled").ValueKind, (JsonValueKind[])[JsonValueKind.True, JsonValueKind.False]);
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
