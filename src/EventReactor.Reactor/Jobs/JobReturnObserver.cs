using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Jobs;
using EventReactor.Reactor.Keys;
using EventReactor.Reactor.Processing;
using Microsoft.Extensions.Logging;

namespace EventReactor.Reactor.Jobs;

/// <summary>
/// Stores the returns that minions send as <c>job/&lt;jid&gt;/ret/&lt;minion&gt;</c> events. A return is bound to its
/// sender: it is stored only for a job that targeted that minion, from an event that speaks for that same minion, whose
/// key is accepted; anything else is ignored and logged.
/// </summary>
internal sealed partial class JobReturnObserver(IJobStore jobs, IMinionTrust keys, ILogger<JobReturnObserver> logger) : IEventObserver
{
    public async Task ObserveAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (!JobTags.TryParseReturn(envelope.Tag, out var jid, out var minion))
        {
            return;
        }

        var data = envelope.DataAs<JobReturned>();
        var job = await jobs.FindAsync(jid, cancellationToken);
        var refusal = job is null ? "no such job"
            : !job.Minions.Contains(minion, StringComparer.Ordinal) ? "the job did not target that minion"
            : envelope.Minion != minion || (data is not null && data.Minion != minion) ? $"sent as '{envelope.Minion}', not as the minion it names"
            : !await keys.IsAcceptedAsync(minion, cancellationToken) ? "the minion's key is not accepted"
            : null;
        if (refusal is not null)
        {
            LogIgnored(logger, jid, minion, refusal);
            return;
        }

        var jobReturn = new JobReturn(
            minion,
            data?.Success == true,
            data?.RetCode ?? -1,
            data?.Return is { ValueKind: not JsonValueKind.Null } value ? value.Clone() : null,
            data?.Error,
            data?.DurationMs ?? 0,
            envelope.Time);
        await jobs.SaveReturnAsync(jid, jobReturn, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a return for job {Jid} from {Minion}: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string jid, string minion, string reason);
}
