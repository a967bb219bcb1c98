using EventReactor.Reactor.Processing;
using EventReactor.Reactor.Streaming;
using EventReactor.Tests.Shared;
using MassTransit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace EventReactor.Reactor.Tests.Streaming;

public sealed class BusStreamFeedTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly IBus _bus = Substitute.For<IBus>();
    private readonly List<HostReceiveEndpointHandle> _handles = [];
    private readonly BusStreamFeed _feed;

    public BusStreamFeedTests()
    {
        _bus.ConnectReceiveEndpoint(Arg.Any<IEndpointDefinition>(), Arg.Any<IEndpointNameFormatter>(), Arg.Any<Action<IReceiveEndpointConfigurator>>())
            .Returns(_ =>
            {
                var handle = Substitute.For<HostReceiveEndpointHandle>();
                handle.Ready.Returns(Task.FromResult(Substitute.For<ReceiveEndpointReady>()));
                _handles.Add(handle);
                return handle;
            });
        var started = new BusStarted();
        started.PostStart(_bus, Task.FromResult(Substitute.For<BusReady>()));
        _feed = new BusStreamFeed(_bus, Substitute.For<IBusRegistrationContext>(), started, _time, NullLogger<BusStreamFeed>.Instance);
    }

    public ValueTask DisposeAsync() => _feed.DisposeAsync();

    [Fact]
    public async Task AcquireAsync_NobodyWatched_ConnectsNothingUntilTheFirstWatcher()
    {
        Assert.Empty(_handles);

        using var first = await _feed.AcquireAsync(CancellationToken.None);
        using var second = await _feed.AcquireAsync(CancellationToken.None);

        Assert.Single(_handles);
    }

    [Fact]
    public async Task Release_LastWatcherGone_StopsTheQueueOnlyAfterTheLinger()
    {
        var first = await _feed.AcquireAsync(CancellationToken.None);
        var second = await _feed.AcquireAsync(CancellationToken.None);

        first.Dispose();
        second.Dispose();
        await SettleAsync(BusStreamFeed.Linger - TimeSpan.FromSeconds(1));
        await _handles[0].DidNotReceive().StopAsync(Arg.Any<CancellationToken>());

        await _time.AdvanceUntilAsync(() => _handles[0].ReceivedCalls().Any(c => c.GetMethodInfo().Name == nameof(HostReceiveEndpointHandle.StopAsync)), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task AcquireAsync_WatcherBackWithinTheLinger_KeepsTheSameQueue()
    {
        (await _feed.AcquireAsync(CancellationToken.None)).Dispose();
        await SettleAsync(TimeSpan.FromSeconds(10));

        using var again = await _feed.AcquireAsync(CancellationToken.None);
        await SettleAsync(BusStreamFeed.Linger * 2);

        Assert.Single(_handles);
        await _handles[0].DidNotReceive().StopAsync(Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task AcquireAsync_AfterTheQueueWasStopped_ConnectsANewOne()
    {
        (await _feed.AcquireAsync(CancellationToken.None)).Dispose();
        await _time.AdvanceUntilAsync(() => _handles[0].ReceivedCalls().Any(c => c.GetMethodInfo().Name == nameof(HostReceiveEndpointHandle.StopAsync)), TimeSpan.FromSeconds(1));

        using var again = await _feed.AcquireAsync(CancellationToken.None);

        Assert.Equal(2, _handles.Count);
    }

    [Fact]
    public async Task Dispose_SameLeaseTwice_ReleasesOneWatcher()
    {
        var first = await _feed.AcquireAsync(CancellationToken.None);
        using var second = await _feed.AcquireAsync(CancellationToken.None);

        first.Dispose();
        first.Dispose();
        await SettleAsync(BusStreamFeed.Linger * 2);

        await _handles[0].DidNotReceive().StopAsync(Arg.Any<CancellationToken>());
    }

    // Moves the clock on by whole seconds, letting the planned closes run between steps.
    private async Task SettleAsync(TimeSpan span)
    {
        for (var passed = TimeSpan.Zero; passed < span; passed += TimeSpan.FromSeconds(1))
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(TimeSpan.FromMilliseconds(1), CancellationToken.None);
        }
    }
}
