using System.Diagnostics;
using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Messaging.Telemetry;
using EventReactor.Reactor.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EventReactor.Reactor.Outbox;

/// <summary>
/// Chains the reactor's own events in-process: each stored event goes through the same <see cref="EventPipeline"/> as a
/// delivered one, once, in the order stored (as they commit: see <see cref="OutboxCursor"/>), and is then marked
/// evaluated. At start it takes up whatever this reactor's previous run left unevaluated (on PostgreSQL, once that run's
/// liveness lease has gone: <see cref="OutboxAdopter"/>); the ledger keeps the reactions exactly once if one was half done.
/// </summary>
internal sealed partial class OutboxEvaluator(IReactorOutbox outbox, OutboxSignal signal, IServiceScopeFactory scopes, ILogger<OutboxEvaluator> logger) : BackgroundService
{
    private const int BatchSize = 256;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cursor = 0L;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var batch = await outbox.ReadToEvaluateAsync(cursor, BatchSize, stoppingToken);
                cursor = OutboxCursor.Next(batch, BatchSize);
                if (batch.Count == 0)
                {
                    await signal.WaitToEvaluateAsync(Timeout.InfiniteTimeSpan, stoppingToken);
                    continue;
                }

                // The batch is marked in one write (issue #13), also when stopping halfway: what was evaluated is marked.
                var evaluated = new List<long>(batch.Count);
                try
                {
                    foreach (var stored in batch)
                    {
                        await EvaluateAsync(stored, stoppingToken);
                        evaluated.Add(stored.Sequence);
                    }
                }
                finally
                {
                    await outbox.MarkEvaluatedAsync(evaluated, CancellationToken.None);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // What was not evaluated stays stored, and is evaluated at the next start.
        }
    }

    private async Task EvaluateAsync(OutboxEvent stored, CancellationToken stoppingToken)
    {
        try
        {
            var envelope = CloudEventJson.Deserialize(stored.Json.Span);
            using var span = EventReactorTelemetry.StartFrom($"event {envelope.Tag}", ActivityKind.Internal, envelope.TraceParent);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<EventPipeline>().HandleAsync(envelope, EventSender.Reactor, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A delivered event would go to the error queue; this one is logged with its id and not tried again.
            LogFailed(logger, stored.Tag, stored.Id, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Evaluating the reactor's own event {Tag} ({EventId}) failed")]
    private static partial void LogFailed(ILogger logger, string tag, string eventId, Exception exception);
}
