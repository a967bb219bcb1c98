using System.Security.Cryptography;
using EventReactor.Contracts;
using EventReactor.Contracts.Reactor;
using EventReactor.Contracts.Jobs;
using EventReactor.Messaging;
using EventReactor.Reactor.Keys;
using EventReactor.Reactor.Outbox;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventReactor.Reactor.Jobs;

/// <summary>
/// The one way the reactor sends a job: record it (so returns find it), announce <c>job/&lt;jid&gt;/new</c>, then send each
/// minion its command, signed with the reactor key, to its own queue. <c>minion.run</c> and benchmark runs both go through
/// here. A minion whose key is not accepted is sent nothing: its return is recorded at once as failed, saying why.
/// </summary>
internal sealed partial class JobDispatcher(
    IJobStore jobs,
    IBus bus,
    IEventEmitter emitter,
    IMinionTrust keys,
    ReactorKey reactorKey,
    IOptions<KeyOptions> keyOptions,
    TimeProvider time,
    ILogger<JobDispatcher> logger) : IJobDispatcher
{
    public const string NotAcceptedError = "not sent: the minion's key is not accepted (eventreactor keys list)";

    public async Task<string> DispatchAsync(JobRequest request, EventEnvelope cause, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var jid = request.Jid ?? JobIds.New(now);
        await jobs.CreateAsync(new JobRecord(jid, request.Function, request.Arguments, request.Target, request.TargetType, request.Minions, cause.Id, now, []), cancellationToken);
        var data = EventData.ToElement(new JobPublished(jid, request.Function, request.Arguments, request.Target, request.TargetType, request.Minions));
        await emitter.EmitAsync(cause.CreateCaused(JobTags.New(jid), ReactorTags.Source, data), cancellationToken);
        foreach (var minion in request.Minions)
        {
            if (!await keys.IsAcceptedAsync(minion, cancellationToken))
            {
                LogNotAccepted(logger, jid, minion);
                await jobs.SaveReturnAsync(jid, new JobReturn(minion, false, 1, null, NotAcceptedError, 0, now), cancellationToken);
                continue;
            }

            var command = new MinionCommand
            {
                Jid = jid,
                Minion = minion,
                Function = request.Function,
                Arguments = request.Arguments,
                CausedBy = cause.Id,
                Depth = cause.Depth + 1,
                IssuedAt = now,
                ExpiresAt = now + keyOptions.Value.CommandLifetime,
                Nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                TraceParent = System.Diagnostics.Activity.Current?.Id,
            };
            var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{MinionCommand.QueueName(minion)}"));
            await endpoint.Send(SignedMinionCommand.Sign(command, reactorKey.Key), cancellationToken);
        }

        return jid;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Jid}: not sending to {Minion}, whose key is not accepted")]
    private static partial void LogNotAccepted(ILogger logger, string jid, string minion);
}
