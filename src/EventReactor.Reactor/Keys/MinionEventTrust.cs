using EventReactor.Contracts;
using EventReactor.Contracts.Api;
using EventReactor.Contracts.Minions;
using EventReactor.Reactor.Broker;
using EventReactor.Reactor.Processing;

namespace EventReactor.Reactor.Keys;

/// <summary>
/// The one check event processing makes: an event that speaks for a minion (its <c>minion</c> attribute, a
/// <c>minion/&lt;id&gt;/...</c> tag, or a job return <c>job/&lt;jid&gt;/ret/&lt;id&gt;</c>) is acted on only when that
/// minion's key is accepted. Events from anyone else are not a minion's to vouch for.
/// </summary>
/// <remarks>With broker identity on, the sender must also be that minion's own broker user (<see cref="IEventIdentityCheck"/>), checked first.</remarks>
internal sealed class MinionEventTrust(IMinionTrust keys, IEventIdentityCheck identity)
{
    /// <summary>Why no rule may act on the event, or null when rules may.</summary>
    public async ValueTask<TrustVerdict?> VerdictAsync(EventEnvelope envelope, EventSender sender, CancellationToken cancellationToken)
    {
        if (identity.RejectedReason(envelope, sender) is { } rejected)
        {
            return new TrustVerdict(RuleOutcome.Rejected, rejected);
        }

        foreach (var minion in SpokenFor(envelope))
        {
            if (!await keys.IsAcceptedAsync(minion, cancellationToken))
            {
                return new TrustVerdict(RuleOutcome.Untrusted, $"minion '{minion}''s key is not accepted (eventreactor keys list)");
            }
        }

        return null;
    }

    /// <summary>The minions an event speaks for: its <c>minion</c> attribute, a <c>minion/&lt;id&gt;/</c> tag, a job return's <c>&lt;id&gt;</c>.</summary>
    public static IEnumerable<string> SpokenFor(EventEnvelope envelope)
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
