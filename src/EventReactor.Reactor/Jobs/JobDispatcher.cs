using EventReactor.Reactor.Outbox;
using EventReactor.Contracts;
using EventReactor.Contracts.Reactor;
using EventReactor.Contracts.Jobs;
using EventReactor.Messaging;
using MassTransit;

namespace EventReactor.Reactor.Jobs;

/// <summary>
/// The one way the reactor sends a job: record it (so returns find it), announce <c>job/&lt;jid&gt;/new</c>, then send the
/// command to each minion's own queue. <c>minion.run</c> and benchmark runs both go through here.
/// </summary>
internal sealed class JobDispatcher(IJobStore jobs, IBus bus, IEventEmitter emitter, TimeProvider time) : IJobDispatcher
{
    public async Task<string> DispatchAsync(JobRequest request, EventEnvelope cause, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var jid = request.Jid ?? JobIds.New(now);
        await jobs.CreateAsync(new JobRecord(jid, request.Function, request.Arguments, request.Target, request.TargetType, request.Minions, cause.Id, now, []), cancellationToken);
        var data = EventData.ToElement(new JobPublished(jid, request.Function, request.Arguments, request.Target, request.TargetType, request.Minions));
        await emitter.EmitAsync(cause.CreateCaused(JobTags.New(jid), ReactorTags.Source, data), cancellationToken);
        foreach (var minion in request.Minions)
        {
            var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{MinionCommand.QueueName(minion)}"));
            await endpoint.Send(
                new MinionCommand
                {
                    Jid = jid,
                    Minion = minion,
                    Function = request.Function,
                    Arguments = request.Arguments,
                    CausedBy = cause.Id,
                    Depth = cause.Depth + 1,
                    IssuedAt = now,
                    TraceParent = System.Diagnostics.Activity.Current?.Id,
                },
                cancellationToken);
        }

        return jid;
    }
}
