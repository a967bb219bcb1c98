using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Messaging;
using EventReactor.Reactor.Actions;
using EventReactor.Reactor.Processing;
using EventReactor.Reactor.Rules;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace EventReactor.Reactor.Tests.Processing;

public sealed class EventProcessorTests : IDisposable
{
    private const string Rules = """
        rules:
          - name: announce-nonzero-exit
            on: minion/*/docker/container/die
            when: event.data.exitCode != 0
            do:
              - event.fire:
                  tag: demo/died
                  data:
                    container: ${{ event.data.name }}
                    exit: ${{ event.data.exitCode }}
          - name: loop
            on: loop/*
            do:
              - event.fire: { tag: loop/again }
        """;

    private readonly DirectoryInfo _rules = Directory.CreateTempSubdirectory("reactor-rules-");
    private readonly IEventPublisher _publisher = Substitute.For<IEventPublisher>();
    private readonly List<EventEnvelope> _published = [];
    private readonly EventProcessor _processor;

    public EventProcessorTests()
    {
        File.WriteAllText(Path.Combine(_rules.FullName, "rules.yaml"), Rules);
        _publisher.PublishAsync(Arg.Do<EventEnvelope>(_published.Add), Arg.Any<CancellationToken>()).Returns(Task.CompletedTask);
        var options = Options.Create(new ReactorOptions { RulesPath = _rules.FullName, MaxDepth = 3 });
        var registry = new ActionRegistry([new EventFireAction(_publisher), new LogAction(NullLogger<LogAction>.Instance)]);
        var provider = new RuleSetProvider(options, registry);
        Assert.True(provider.Reload().IsValid);
        _processor = new EventProcessor(provider, registry, options, NullLogger<EventProcessor>.Instance);
    }

    public void Dispose() => _rules.Delete(recursive: true);

    private static EventEnvelope Die(int exitCode) => EventEnvelope.Create(
        "minion/m1/docker/container/die",
        "/minion/m1",
        JsonSerializer.SerializeToElement(new { name = "c1", exitCode }),
        "m1");

    [Fact]
    public async Task ProcessAsync_NonZeroExit_FiresDemoDiedWithIntegerExit()
    {
        var died = Die(3);

        await _processor.ProcessAsync(died, CancellationToken.None);

        var fired = Assert.Single(_published);
        Assert.Equal("demo/died", fired.Tag);
        Assert.Equal(JsonValueKind.Number, fired.Data.GetProperty("exit").ValueKind);
        Assert.Equal(3, fired.Data.GetProperty("exit").GetInt32());
        Assert.Equal("c1", fired.Data.GetProperty("container").GetString());
        Assert.Equal(died.Id, fired.CausedBy);
        Assert.Equal(1, fired.Depth);
    }

    [Fact]
    public async Task ProcessAsync_ZeroExit_DoesNotAct()
    {
        await _processor.ProcessAsync(Die(0), CancellationToken.None);

        Assert.Empty(_published);
    }

    [Fact]
    public async Task ProcessAsync_EventPastDepthLimit_DoesNotAct()
    {
        var deep = EventEnvelope.Create("loop/x", "/test") with { Depth = 4 };
        var atLimit = EventEnvelope.Create("loop/x", "/test") with { Depth = 3 };

        await _processor.ProcessAsync(deep, CancellationToken.None);
        Assert.Empty(_published);

        await _processor.ProcessAsync(atLimit, CancellationToken.None);
        Assert.Equal(4, Assert.Single(_published).Depth);
    }

    [Fact]
    public async Task ProcessAsync_ConditionOnMissingField_DoesNotActNorThrow()
    {
        var noExitCode = EventEnvelope.Create("minion/m1/docker/container/die", "/minion/m1", JsonSerializer.SerializeToElement(new { name = "c1" }), "m1");

        await _processor.ProcessAsync(noExitCode, CancellationToken.None);

        Assert.Empty(_published);
    }
}
