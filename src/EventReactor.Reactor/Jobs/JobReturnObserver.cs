using System.Text.Json;
using EventReactor.Contracts;
using EventReactor.Reactor.Processing;

namespace EventReactor.Reactor.Jobs;

/// <summary>Stores the returns that minions send as <c>job/&lt;jid&gt;/ret/&lt;minion&gt;</c> events.</summary>
internal sealed class JobReturnObserver(IJobStore jobs) : IEventObserver
{
    public async Task ObserveAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        // job/<jid>/ret/<minion>
        var parts = envelope.Tag.Split('/');
        if (parts is not ["job", var jid, "ret", var minion])
        {
            return;
        }

        var data = envelope.Data;
        var jobReturn = new JobReturn(
            minion,
            data.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.True,
            data.TryGetProperty("retcode", out var retcode) && retcode.TryGetInt32(out var code) ? code : -1,
            data.TryGetProperty("return", out var value) && value.ValueKind != JsonValueKind.Null ? value.Clone() : null,
            data.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null,
            data.TryGetProperty("durationMs", out var duration) && duration.TryGetDouble(out var ms) ? ms : 0,
            envelope.Time);
        await jobs.SaveReturnAsync(jid, jobReturn, cancellationToken);
    }
}
