using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Core.Evaluation.Replay;
using EventReactor.Reactor.Journal;

namespace EventReactor.Reactor.Tests.Journal;

/// <summary>The window is read on one thread and visited on another; the visitor must see what a direct read would.</summary>
public sealed class WindowHandOffTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RunAsync_ManyBatches_VisitsEveryEventOnceInTheOrderRead()
    {
        var events = Enumerable.Range(0, 5000).Select(Recorded).ToList();
        var visited = new List<string>();

        var count = await WindowHandOff.RunAsync(ReadAll(events), r => visited.Add(r.Event.Id), CancellationToken.None);

        Assert.Equal(events.Count, count);
        Assert.Equal(events.Select(e => e.Event.Id), visited);
    }

    [Fact]
    public async Task RunAsync_SlowVisitor_ReaderHeldBackSoThatFewEventsWait()
    {
        var events = Enumerable.Range(0, 20_000).Select(Recorded).ToList();
        long read = 0;
        long visited = 0;
        long mostAhead = 0;

        await WindowHandOff.RunAsync(
            async (visit, _) =>
            {
                foreach (var recorded in events)
                {
                    Interlocked.Increment(ref read);
                    visit(recorded);
                }

                await Task.Yield();
                return events.Count;
            },
            _ =>
            {
                mostAhead = Math.Max(mostAhead, Interlocked.Read(ref read) - visited);
                visited++;
                Thread.SpinWait(200);
            },
            CancellationToken.None);

        // Four batches of 1024 may wait, one is being filled and one visited: far fewer than the window.
        Assert.InRange(mostAhead, 1, 6 * 1024);
    }

    [Fact]
    public async Task RunAsync_VisitorThrows_ErrorOfTheVisitorAndReadingStops()
    {
        var events = Enumerable.Range(0, 20_000).Select(Recorded).ToList();
        long read = 0;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WindowHandOff.RunAsync(
            (visit, _) =>
            {
                foreach (var recorded in events)
                {
                    read++;
                    visit(recorded);
                }

                return Task.FromResult((long)events.Count);
            },
            r => throw new InvalidOperationException($"bad {r.Event.Id}"),
            CancellationToken.None));

        Assert.Equal("bad e0", error.Message);
        Assert.True(read < events.Count, $"the reader went on to {read} events");
    }

    [Fact]
    public async Task RunAsync_ReaderThrows_ErrorOfTheReader()
    {
        var error = await Assert.ThrowsAsync<IOException>(() => WindowHandOff.RunAsync(
            (visit, _) =>
            {
                visit(Recorded(0));
                throw new IOException("disk gone");
            },
            _ => { },
            CancellationToken.None));

        Assert.Equal("disk gone", error.Message);
    }

    private static Func<Action<RecordedEvent>, CancellationToken, Task<long>> ReadAll(List<RecordedEvent> events) =>
        (visit, _) =>
        {
            events.ForEach(visit);
            return Task.FromResult((long)events.Count);
        };

    private static RecordedEvent Recorded(int index) => new(
        new EventEnvelope
        {
            Id = $"e{index}",
            Tag = "demo/tick",
            Source = "/test",
            Time = T0.AddMilliseconds(index),
            Data = JsonDocument.Parse("{}").RootElement.Clone(),
        },
        []);
}
