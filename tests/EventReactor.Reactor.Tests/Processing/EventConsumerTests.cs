using System.Diagnostics;
using EventReactor.Contracts;
using EventReactor.Messaging;
using EventReactor.Messaging.Telemetry;
using EventReactor.Reactor.Tests.Outbox;
using Microsoft.Extensions.DependencyInjection;

namespace EventReactor.Reactor.Tests.Processing;

/// <summary>The reactor's consumer span, on the whole reactor (in-memory bus) with a listener as an exporter would have.</summary>
public sealed class EventConsumerTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string _folder = Directory.CreateTempSubdirectory("eventreactor-consumer-").FullName;

    [Fact]
    public async Task Consume_Traced_EventSpanCarriesTheEventId()
    {
        var sent = EventEnvelope.Create("span/test", "/test");
        var stopped = new TaskCompletionSource<Activity>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == EventReactorTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.Kind == ActivityKind.Consumer && activity.GetTagItem(EventReactorTelemetry.MessageIdAttribute) as string == sent.Id)
                {
                    stopped.TrySetResult(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var reactor = InMemoryReactor.Build(_folder, """
            rules:
              - name: noop
                on: span/other
                do:
                  - event.fire: { tag: span/never }
            """);
        await reactor.App.StartAsync();
        try
        {
            // The bus may not consume yet right after the start (as in OutboxChainTests): publish again until the span is seen.
            var publisher = reactor.Services.GetRequiredService<IEventPublisher>();
            var deadline = Stopwatch.StartNew();
            while (!stopped.Task.IsCompleted && deadline.Elapsed < Patience)
            {
                await publisher.PublishAsync(sent, CancellationToken.None);
                await Task.WhenAny(stopped.Task, Task.Delay(TimeSpan.FromSeconds(1)));
            }

            var span = await stopped.Task.WaitAsync(TimeSpan.Zero);

            Assert.Equal("event span/test", span.DisplayName);
        }
        finally
        {
            await reactor.App.StopAsync();
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
