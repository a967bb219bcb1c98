using EventReactor.Contracts;
using EventReactor.Contracts.Minions;

namespace EventReactor.Reactor.Keys;

/// <summary>
/// The one check event processing makes: an event that speaks for a minion (its <c>minion</c> attribute, a
/// <c>minion/&lt;id&gt;/...</c> tag, or a job return <c>job/&lt;jid&gt;/ret/&lt;id&gt;</c>) is acted on only when that
/// minion's key is accepted. Events from anyone else are not a minion's to vouch for.
/// </summary>
internal sealed class MinionEventTrust(IMinionTrust keys)
{
    /// <summary>Why no rule may act on the event, or null when rules may.</summary>
    public async ValueTask<string?> UntrustedReasonAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        foreach (var minion in SpokenFor(envelope))
        {
            if (!await keys.IsAcceptedAsync(minion, cancellationToken))
            {
                return $"minion '{minion}''s key is not accepted (eventreactor keys list)";
            }
        }

        return null;
    }

    private static IEnumerable<string> SpokenFor(EventEnvelope envelope)
    {
        if (envelope.Minion is { Length: > 0 } minion)
        {
            yield return minion;
        }

        if (MinionTags.TryParse(envelope.Tag, out var tag) && tag.Minion != envelope.Minion)
        {
            yield return tag.Minion;
        }

        if (JobTags.TryParseReturn(envelope.Tag, out _, out var returned) && returned != envelope.Minion)
        {
            yield return returned;
        }
    }
}
