using Docker.DotNet.Models;
using EventReactor.Minion.Docker;
using EventReactor.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EventReactor.Minion.Tests.Docker;

public sealed class ContainerEventEmitterTests : IDisposable
{
    private const long Baseline = 1_000_000_000_000;
    private readonly TempDataFolder _data = new();
    private readonly RecordingEventPublisher _outbox = new();

    [Fact]
    public async Task EmitStreamedAsync_SameEngineEventTwice_EmitsItOnce()
    {
        var emitter = StartedEmitter();

        await emitter.EmitStreamedAsync(Event("c1", "start", Baseline + 10), CancellationToken.None);
        await emitter.EmitStreamedAsync(Event("c1", "start", Baseline + 10), CancellationToken.None);

        Assert.Single(_outbox.Published);
    }

    [Fact]
    public async Task EmitStreamedAsync_EventFromBeforeTheFirstList_IsNotReported()
    {
        var emitter = StartedEmitter();

        var emitted = await emitter.EmitStreamedAsync(Event("old", "die", Baseline - 10), CancellationToken.None);

        Assert.False(emitted);
        Assert.Empty(_outbox.Published);
    }

    [Fact]
    public async Task EmitStreamedAsync_AfterMinionRestart_RemembersWhatWasHandled()
    {
        await StartedEmitter().EmitStreamedAsync(Event("c1", "die", Baseline + 10), CancellationToken.None);

        var restarted = Emitter();
        await restarted.EmitStreamedAsync(Event("c1", "die", Baseline + 10), CancellationToken.None);

        Assert.Single(_outbox.Published);
        Assert.Equal(Baseline + 10, restarted.LastSeenNano);
    }

    [Fact]
    public async Task EmitStreamedAsync_OutboxFailsThenRecovers_RetriesOnTheClockAndStoresOnce()
    {
        var time = new FakeTimeProvider();
        var outbox = new FlakyOutbox(failures: 3);
        var emitter = new ContainerEventEmitter(outbox, new ContainerStateStore(_data.Open()), TestPipelines.For(time: time), Options.Create(new MinionOptions { Id = "m1" }), NullLogger<ContainerEventEmitter>.Instance);
        emitter.RecordBaseline([], Baseline);

        var emit = emitter.EmitStreamedAsync(Event("c1", "start", Baseline + 10), CancellationToken.None);
        await time.AdvanceUntilAsync(() => emit.IsCompleted, TimeSpan.FromMilliseconds(200));

        Assert.True(await emit);
        Assert.Equal(4, outbox.Attempts);
        Assert.Single(outbox.Stored.Published);
    }

    [Fact]
    public async Task EmitStreamedAsync_StoppedWhileTheOutboxFails_ThrowsOperationCanceled()
    {
        var outbox = new FlakyOutbox(failures: int.MaxValue);
        var emitter = new ContainerEventEmitter(outbox, new ContainerStateStore(_data.Open()), TestPipelines.For(time: new FakeTimeProvider()), Options.Create(new MinionOptions { Id = "m1" }), NullLogger<ContainerEventEmitter>.Instance);
        emitter.RecordBaseline([], Baseline);
        using var stopping = new CancellationTokenSource();

        var emit = emitter.EmitStreamedAsync(Event("c1", "start", Baseline + 10), stopping.Token);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => emit);
        Assert.Equal(1, outbox.Attempts);
    }

    public void Dispose() => _data.Dispose();

    private static Message Event(string container, string action, long timeNano) => new()
    {
        Type = "container",
        Action = action,
        TimeNano = timeNano,
        Actor = new Actor { ID = container, Attributes = new Dictionary<string, string> { ["name"] = container, ["image"] = "img" } },
    };

    private ContainerEventEmitter StartedEmitter()
    {
        var emitter = Emitter();
        emitter.RecordBaseline([], Baseline);
        return emitter;
    }

    private ContainerEventEmitter Emitter() =>
        new(_outbox, new ContainerStateStore(_data.Open()), TestPipelines.For(), Options.Create(new MinionOptions { Id = "m1" }), NullLogger<ContainerEventEmitter>.Instance);
}
