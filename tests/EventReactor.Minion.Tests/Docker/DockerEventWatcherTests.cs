using EventReactor.Minion.Docker;
using EventReactor.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace EventReactor.Minion.Tests.Docker;

public sealed class DockerEventWatcherTests : IDisposable
{
    private readonly TempDataFolder _data = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task ExecuteAsync_EngineFailsThenAnswers_RetriesOnTheClockThenCatchesUpAndFollows()
    {
        await using var engine = await FlakyDockerEngine.StartAsync(failingPings: 3);
        var (watcher, emitter) = Watcher(engine.Endpoint);

        await watcher.StartAsync(CancellationToken.None);
        await _time.AdvanceUntilAsync(() => engine.Calls.Contains("GET events"), TimeSpan.FromMilliseconds(500));
        await watcher.StopAsync(CancellationToken.None);

        Assert.Equal(4, engine.Pings);
        Assert.True(emitter.HasBaseline);
        watcher.Dispose();
    }

    [Fact]
    public async Task ExecuteAsync_FollowedEngineGoesAway_WaitsTheReconnectDelayThenCatchesUpAgain()
    {
        // A delay far longer than the real time the fake engine's answers take while the clock is moved on.
        var delay = TimeSpan.FromMinutes(10);
        await using var engine = await FlakyDockerEngine.StartAsync(failingPings: 0, streamsToEnd: 1);
        var (watcher, _) = Watcher(engine.Endpoint, delay);
        var started = _time.GetUtcNow();

        await watcher.StartAsync(CancellationToken.None);
        await _time.AdvanceUntilAsync(() => engine.Pings == 2, TimeSpan.FromSeconds(1));
        var reconnectedAfter = _time.GetUtcNow() - started;
        await _time.AdvanceUntilAsync(() => engine.Calls.Count(c => c == "GET events") == 3, TimeSpan.FromSeconds(1));
        await watcher.StopAsync(CancellationToken.None);

        Assert.InRange(reconnectedAfter, delay, delay * 2);
        watcher.Dispose();
    }

    [Fact]
    public async Task ExecuteAsync_StoppedWhileTheEngineFails_Stops()
    {
        await using var engine = await FlakyDockerEngine.StartAsync(failingPings: int.MaxValue);
        var (watcher, emitter) = Watcher(engine.Endpoint);

        await watcher.StartAsync(CancellationToken.None);
        await _time.AdvanceUntilAsync(() => engine.Pings >= 2, TimeSpan.FromMilliseconds(500));
        await watcher.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(emitter.HasBaseline);
        watcher.Dispose();
    }

    public void Dispose() => _data.Dispose();

    private (DockerEventWatcher Watcher, ContainerEventEmitter Emitter) Watcher(string endpoint, TimeSpan? reconnectDelay = null)
    {
        var minion = new MinionOptions { Id = "m1", Docker = endpoint };
        minion.ReconnectDelay = reconnectDelay ?? minion.ReconnectDelay;
        minion.ReconnectMaxDelay = reconnectDelay ?? minion.ReconnectMaxDelay;
        var options = Options.Create(minion);
        var pipelines = TestPipelines.For(options.Value, _time);
        var emitter = new ContainerEventEmitter(new RecordingEventPublisher(), new ContainerStateStore(_data.Open()), pipelines, options, NullLogger<ContainerEventEmitter>.Instance);
        return (new DockerEventWatcher(new DockerClientFactory(options), emitter, pipelines, options, NullLogger<DockerEventWatcher>.Instance), emitter);
    }
}
