using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Contracts.Jobs;
using EventReactor.Reactor.Processing;

namespace EventReactor.Reactor.Jobs;

/// <summary>Stores the returns that minions send as <c>job/&lt;jid&gt;/ret/&lt;minion&gt;</c> events.</summary>
internal sealed class JobReturnObserver(IJobStore jobs) : IEventObserver
{
    public async Task ObserveAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        if (!JobTags.TryParseReturn(envelope.Tag, out var jid, out var minion))
        {
            return;
        }

        var data = envelope.DataAs<JobReturned>();
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
}
